package dev.newsalerts.classifier.rest;

import static dev.newsalerts.classifier.rest.FeedbackRecords.judgement;
import static dev.newsalerts.classifier.rest.FeedbackRecords.newAlertId;
import static dev.newsalerts.classifier.rest.FeedbackRecords.publish;
import static dev.newsalerts.classifier.rest.FeedbackRecords.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
class BacktestFeedbackTest {

    private static final String PRICING = "cloud-pricing";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aCandidateThatDropsAStoryJudgedNotRelevantRaisesThePrecisionAndListsThatAlert() throws Exception {
        String kept = newAlertId();
        String dropped = newAlertId();
        Instant now = Instant.now();
        publish(bootstrapServers,
                record(kept, judgement(kept, "v-test", "relevant", now, "AWS raises prices of EC2 GPU instances", PRICING)),
                record(dropped, judgement(dropped, "v-test", "not-relevant", now,
                        "AWS raises prices of EC2 GPU instances for quokka farms", PRICING)));
        String bundled;
        try (InputStream in = getClass().getResourceAsStream("/rules.yaml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String noQuokkas = bundled.replace("groups:\n", "groups:\n  quokka: [quokka]\n")
                .replace("none: [not-cloud-prices", "none: [quokka, not-cloud-prices");
        assertThat(noQuokkas).contains("none: [quokka, not-cloud-prices");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath feedback = backtest(noQuokkas).setRootPath("feedback");
            List<Map<String, Object>> changed = feedback.getList("changed");
            assertThat(changed).extracting(change -> change.get("alertId")).contains(dropped).doesNotContain(kept);
            Map<String, Object> change = changed.stream().filter(c -> dropped.equals(c.get("alertId"))).findFirst().orElseThrow();
            assertThat(change).containsEntry("verdict", "not-relevant").containsEntry("before", List.of(PRICING))
                    .containsEntry("after", List.of()).containsEntry("judgedRuleIds", List.of(PRICING));

            double inForce = feedback.getDouble("inForce.rules.find { it.ruleId == 'cloud-pricing' }.precision");
            double candidate = feedback.getDouble("candidate.rules.find { it.ruleId == 'cloud-pricing' }.precision");
            assertThat(candidate).isGreaterThan(inForce);
            assertThat(feedback.getDouble("candidate.overall.precision")).isGreaterThan(feedback.getDouble("inForce.overall.precision"));
            assertThat(feedback.getDouble("candidate.overall.recall")).isEqualTo(feedback.getDouble("inForce.overall.recall"));
            assertThat(feedback.getInt("judgedAlerts")).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void theStoryPartOfTheBacktestKeepsItsFields() throws Exception {
        String bundled;
        try (InputStream in = getClass().getResourceAsStream("/rules.yaml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonPath report = backtest(bundled);

        assertThat(report.getString("candidateVersion")).isNotBlank();
        assertThat(report.getList("added")).isEmpty();
        assertThat(report.getList("feedback.changed")).isEmpty();
    }

    private static JsonPath backtest(String yaml) {
        return new JsonPath(given().contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/rules/backtest").then().statusCode(200).extract().asString());
    }
}
