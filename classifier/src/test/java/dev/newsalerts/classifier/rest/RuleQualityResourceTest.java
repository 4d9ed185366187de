package dev.newsalerts.classifier.rest;

import static dev.newsalerts.classifier.rest.FeedbackRecords.judgement;
import static dev.newsalerts.classifier.rest.FeedbackRecords.newAlertId;
import static dev.newsalerts.classifier.rest.FeedbackRecords.publish;
import static dev.newsalerts.classifier.rest.FeedbackRecords.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
class RuleQualityResourceTest {

    private static final String PRICING = "cloud-pricing";
    private static final String PRICE_STORY = "AWS raises prices of EC2 GPU instances";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishedFeedbackShowsAsThePrecisionOfTheRulesThatFired() {
        Map<String, Object> before30 = rule(quality(30), PRICING);
        Map<String, Object> before60 = rule(quality(60), PRICING);
        String version = "rules.yaml@" + newAlertId().substring(0, 8);
        Instant now = Instant.now();
        String changedMind = newAlertId();
        publish(bootstrapServers,
                record(newAlertId(), judgement(newAlertId(), version, "relevant", now.minusSeconds(60), PRICE_STORY, PRICING)),
                record(changedMind, judgement(changedMind, version, "relevant", now.minusSeconds(50), PRICE_STORY, PRICING)),
                record(changedMind, judgement(changedMind, version, "not-relevant", now.minusSeconds(40), PRICE_STORY, PRICING)),
                record(newAlertId(), judgement(newAlertId(), version, "relevant", now.minus(Duration.ofDays(40)), PRICE_STORY, PRICING)));

        // within 30 days: two judgements, one relevant (the later judgement of changedMind wins); 60 days adds the older one
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath last30 = quality(30);
            assertThat(last30.getList("rulesVersions", String.class)).contains(version);
            Map<String, Object> after30 = rule(last30, PRICING);
            assertThat(count(after30, "judged") - count(before30, "judged")).isEqualTo(2);
            assertThat(count(after30, "relevant") - count(before30, "relevant")).isEqualTo(1);
            assertThat(count(after30, "notRelevant") - count(before30, "notRelevant")).isEqualTo(1);
            assertThat(((Number) after30.get("precision")).doubleValue())
                    .isEqualTo((double) count(after30, "relevant") / count(after30, "judged"));
            assertThat((java.util.List<?>) after30.get("rulesVersions")).asList().contains(version);
            Map<String, Object> after60 = rule(quality(60), PRICING);
            assertThat(count(after60, "judged") - count(before60, "judged")).isEqualTo(3);
        });
    }

    @Test
    void everyRuleInForceIsListedAndOneNobodyJudgedHasNoPrecision() {
        JsonPath quality = given().get("/rules/quality").then().statusCode(200).extract().jsonPath();

        assertThat(quality.getInt("days")).isEqualTo(30);
        assertThat(quality.getList("rules.ruleId", String.class)).containsExactly("ms-openai-amazon-dispute", PRICING);
        Map<String, Object> unjudged = rule(quality, "ms-openai-amazon-dispute");
        assertThat(count(unjudged, "judged")).isZero();
        assertThat(unjudged).containsEntry("precision", null);
    }

    @Test
    void anUnreadableRecordIsSkippedAndTheJudgementsAfterItStillCount() {
        String version = "rules.yaml@" + newAlertId().substring(0, 8);
        String alertId = newAlertId();
        publish(bootstrapServers,
                record(newAlertId(), "{this is not json"),
                record(newAlertId(), "{\"alertId\": \"" + newAlertId() + "\", \"verdict\": \"maybe\"}"),
                record(alertId, judgement(alertId, version, "relevant", Instant.now(), PRICE_STORY, PRICING)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(quality(30).getList("rulesVersions", String.class)).contains(version));
        given().get("/q/metrics").then().body(containsString("classifier_feedback_unreadable_total"));
    }

    @Test
    void aTombstoneRemovesTheJudgement() {
        String version = "rules.yaml@" + newAlertId().substring(0, 8);
        String alertId = newAlertId();
        publish(bootstrapServers, record(alertId, judgement(alertId, version, "not-relevant", Instant.now(), PRICE_STORY, PRICING)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/rules/quality").then().body("rulesVersions", hasItem(version)));

        publish(bootstrapServers, record(alertId, null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(quality(30).getList("rulesVersions", String.class)).doesNotContain(version));
    }

    @Test
    void daysOutsideOneTo365IsABadRequestSayingSo() {
        for (String days : new String[] {"0", "366", "-1", "thirty"}) {
            given().queryParam("days", days).get("/rules/quality").then().statusCode(400)
                    .body("error", containsString("days must be a whole number from 1 to 365"));
        }
    }

    private static JsonPath quality(int days) {
        return given().queryParam("days", days).get("/rules/quality").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> rule(JsonPath quality, String ruleId) {
        return quality.getMap("rules.find { it.ruleId == '" + ruleId + "' }");
    }

    private static int count(Map<String, Object> rule, String field) {
        return ((Number) rule.get(field)).intValue();
    }
}
