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
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The back-test's reasons, over stories stored in {@code news.stories} on a real broker. */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
class BacktestWhyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    String marker;
    String digestId;
    String suitId;
    String priceId;

    @BeforeEach
    void publishStories() {
        marker = "m" + UUID.randomUUID().toString().replace("-", "");
        digestId = "digest-" + marker;
        suitId = "suit-" + marker;
        priceId = "price-" + marker;
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(
                    new ProducerRecord<>(Topics.STORIES, digestId, story(digestId, "Morning briefing " + marker,
                            "Microsoft reports record revenue. OpenAI launches a model. A bakery in Ohio faces a " + marker + ".")),
                    new ProducerRecord<>(Topics.STORIES, suitId, story(suitId, "Microsoft files a " + marker + " against OpenAI",
                            "The filing came on Monday. Analysts expect a long fight.")),
                    new ProducerRecord<>(Topics.STORIES, priceId, story(priceId, "AWS raises prices of EC2 GPU instances", "")))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    @Test
    void aRulePastedAloneReportsTheTermsAndTheSentenceThatDecidedAndWhyTheOldRuleFiredWhereItStops() {
        // a new rule, pasted alone with groups of its own: the two firms and the dispute word in one sentence
        JsonPath report = backtest("""
                groups:
                  firms: [Microsoft]
                  other: [OpenAI]
                  dispute: [%s]
                id: %s
                title: Firms and a dispute in one sentence
                within: sentence
                all: [firms, other, dispute]
                """.formatted(marker, marker)).statusCode(200).extract().jsonPath();

        assertThat(report.getList("candidateRules", String.class)).containsExactly(marker);
        Map<String, Object> suit = outcome(report, "added", suitId);
        assertThat(suit.get("link")).isEqualTo("https://news.example.com/" + suitId);
        JsonPath why = new JsonPath(json(suit)).setRootPath("why[0]");
        assertThat(why.getString("ruleId")).isEqualTo(marker);
        assertThat(why.getString("scope")).isEqualTo("sentence");
        assertThat(why.getString("passage.field")).isEqualTo("title");
        assertThat(why.getString("passage.text")).isEqualTo("Microsoft files a " + marker + " against OpenAI");
        assertThat(why.getList("terms.text", String.class)).containsExactly("Microsoft", marker, "OpenAI");
        assertThat(why.getList("terms.group", String.class)).containsExactly("firms", "dispute", "other");
        assertThat(why.getList("passage.marks.term", String.class)).containsExactly("Microsoft", marker, "OpenAI");
        assertThat(storyIds(report, "wouldAlert")).contains(suitId).doesNotContain(digestId);
    }

    @Test
    void aStoryThatWouldStopAlertingShowsWhyTheRuleInForceFired() {
        // the bundled rules are in force: cloud-pricing fires on the price story; pasted alone, a cloud-pricing that does not
        JsonPath report = backtest("""
                groups: {never: [%s]}
                id: cloud-pricing
                all: [never]
                """.formatted(marker)).statusCode(200).extract().jsonPath();

        Map<String, Object> price = outcome(report, "removed", priceId);
        assertThat(price.get("before")).isEqualTo(List.of("cloud-pricing"));
        assertThat(price.get("after")).isEqualTo(List.of());
        JsonPath why = new JsonPath(json(price)).setRootPath("whyBefore[0]");
        assertThat(why.getString("ruleId")).isEqualTo("cloud-pricing");
        assertThat(why.getString("scope")).isEqualTo("sentence");
        assertThat(why.getList("terms.text", String.class)).contains("AWS", "raises", "prices");
        assertThat(why.getString("passage.text")).contains("AWS raises prices");
        assertThat(storyIds(report, "removed")).doesNotContain(suitId, digestId);
    }

    @Test
    void aRuleFileAgainstTheRulesInForceListsTheStoriesThatWouldStopWithTheReasonsOfTheRuleInForce() {
        // the bundled rules are in force; a file whose rule fires anywhere, then the same rule in one sentence
        String file = """
                groups:
                  microsoft: [Microsoft]
                  openai: [OpenAI]
                  dispute: [%s]
                rules:
                  - id: %s
                    all: [microsoft, openai, dispute]
                """.formatted(marker, marker);
        JsonPath anywhere = backtest(file).statusCode(200).extract().jsonPath();
        assertThat(storyIds(anywhere, "wouldAlert")).contains(digestId, suitId);
        Map<String, Object> digest = outcome(anywhere, "wouldAlert", digestId);
        JsonPath why = new JsonPath(json(digest)).setRootPath("why[0]");
        assertThat(why.getString("scope")).isEqualTo("story");
        assertThat(why.getString("passage")).isNull();
        assertThat(why.getList("excerpts.field", String.class)).containsExactly("title", "summary");
        assertThat(why.getList("terms.text", String.class)).as("title first, then summary, each in text order")
                .containsExactly(marker, "Microsoft", "OpenAI", marker);
    }

    @Test
    void anInvalidCandidateIsABadRequestWithTheParsersMessage() {
        backtest("groups: [unclosed\n").statusCode(400).body("error", containsString("candidate line"));
        backtest("id: lonely\nall: [no-such-group]\n").statusCode(400).body("error", containsString("unknown group 'no-such-group'"));
    }

    private ValidatableResponse backtest(String yaml) {
        return given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .queryParam("last", 1000).post("/rules/backtest").then();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> outcome(JsonPath report, String list, String storyId) {
        List<Map<String, Object>> outcomes = report.getList(list);
        return outcomes.stream().filter(outcome -> storyId.equals(outcome.get("storyId"))).findFirst()
                .orElseThrow(() -> new AssertionError(storyId + " is not in " + list + ": " + outcomes));
    }

    private static List<String> storyIds(JsonPath report, String list) {
        List<Map<String, Object>> outcomes = report.getList(list);
        return outcomes.stream().map(outcome -> (String) outcome.get("storyId")).toList();
    }

    private String story(String storyId, String title, String summary) {
        return mapper.createObjectNode().put("schemaVersion", 1).put("storyId", storyId)
                .put("feedUrl", "https://news.example.com/feed.xml").put("link", "https://news.example.com/" + storyId)
                .put("title", title).put("summary", summary).put("fetchedAt", "2026-03-18T09:31:05Z").toString();
    }
}
