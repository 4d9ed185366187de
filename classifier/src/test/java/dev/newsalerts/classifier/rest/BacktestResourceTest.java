package dev.newsalerts.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
class BacktestResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    String zebraId;
    String priceId;
    String articleId;
    String bundled;

    @BeforeEach
    void publishStories() throws Exception {
        zebraId = UUID.randomUUID().toString().replace("-", "");
        priceId = UUID.randomUUID().toString().replace("-", "");
        articleId = UUID.randomUUID().toString().replace("-", "");
        String article = story(articleId, "Escape at the zoo", "It happened at noon.\n\nAn okapi walked out.");
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(
                    new ProducerRecord<>(Topics.STORIES, zebraId, story(zebraId, "A zebra escapes the zoo")),
                    new ProducerRecord<>(Topics.STORIES, priceId, story(priceId, "AWS raises prices of EC2 GPU instances")),
                    new ProducerRecord<>(Topics.STORIES, articleId, article))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        try (InputStream in = getClass().getResourceAsStream("/rules.yaml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCandidateShowsTheStoriesItWouldAddDropOrChange() {
        String withZebras = bundled.replace("groups:\n", "groups:\n  zebra: [zebra]\n") + "\n  - id: zebras\n    all: [zebra]\n";
        JsonPath added = backtest(withZebras).statusCode(200).extract().jsonPath();
        assertThat(storyIds(added, "added")).contains(zebraId).doesNotContain(priceId);
        assertThat(storyIds(added, "wouldAlert")).contains(zebraId, priceId);
        assertThat(added.getInt("storiesScanned")).isGreaterThanOrEqualTo(2);

        String withoutPricing = bundled.substring(0, bundled.indexOf("  - id: cloud-pricing"));
        assertThat(storyIds(backtest(withoutPricing).statusCode(200).extract().jsonPath(), "removed")).contains(priceId);

        String renamed = bundled.replace("id: cloud-pricing", "id: cloud-prices");
        JsonPath changed = backtest(renamed).statusCode(200).extract().jsonPath();
        assertThat(storyIds(changed, "changed")).contains(priceId);
    }

    @Test
    void aCandidateThatNamesContentIsTestedOnTheContentOfTheLatestStories() {
        String okapis = bundled.replace("groups:\n", "groups:\n  okapi: [okapi]\n")
                + "\n  - id: okapis-in-the-article\n    fields: [content]\n    all: [okapi]\n";
        JsonPath report = backtest(okapis).statusCode(200).extract().jsonPath();

        assertThat(storyIds(report, "added")).contains(articleId).doesNotContain(zebraId);
        String outcome = "added.find { it.storyId == '" + articleId + "' }";
        assertThat(report.getList(outcome + ".after")).containsExactly("okapis-in-the-article");
        assertThat(report.getString(outcome + ".why[0].terms[0].field")).isEqualTo("content");
        assertThat(report.getString(outcome + ".why[0].terms[0].text")).isEqualTo("okapi");
        assertThat(report.getString(outcome + ".why[0].excerpts[0].field")).isEqualTo("content");
        assertThat(report.getString(outcome + ".why[0].excerpts[0].text")).isEqualTo("It happened at noon.\n\nAn okapi walked out.");

        String inTitle = bundled.replace("groups:\n", "groups:\n  okapi: [okapi]\n") + "\n  - id: okapis\n    all: [okapi]\n";
        assertThat(storyIds(backtest(inTitle).statusCode(200).extract().jsonPath(), "added"))
                .as("a rule that does not name content does not see it").doesNotContain(articleId);
    }

    @Test
    void anInvalidCandidateIsABadRequestNamingTheProblem() {
        backtest("groups: {a: [alpha]}\nrules: [{id: r, all: [b]}]\n").statusCode(400)
                .body("error", containsString("unknown group 'b'"));
    }

    private io.restassured.response.ValidatableResponse backtest(String yaml) {
        return given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8)).queryParam("last", 1000).post("/rules/backtest").then();
    }

    private static List<String> storyIds(JsonPath report, String list) {
        List<Map<String, Object>> outcomes = report.getList(list);
        return outcomes.stream().map(outcome -> (String) outcome.get("storyId")).toList();
    }

    private String story(String storyId, String title) {
        return story(storyId, title, null);
    }

    /** @param content the article text of a fullText feed's story, or null for none */
    private String story(String storyId, String title, String content) {
        var story = mapper.createObjectNode().put("schemaVersion", 1).put("storyId", storyId)
                .put("feedUrl", "https://news.example.com/feed.xml").put("title", title).put("summary", "")
                .put("fetchedAt", "2026-03-18T09:31:05Z");
        return (content == null ? story : story.put("content", content)).toString();
    }
}
