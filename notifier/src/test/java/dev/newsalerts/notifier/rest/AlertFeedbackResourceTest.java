package dev.newsalerts.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The console's feedback buttons' API: a verdict on an alert this instance holds goes to news.feedback with its story. */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class AlertFeedbackResourceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @Test
    void aVerdictNeedsTheToken() {
        String alertId = received("Token story " + UUID.randomUUID());

        given().contentType(ContentType.JSON).body("{\"verdict\": \"relevant\"}").put("/alerts/" + alertId + "/feedback")
                .then().statusCode(401);
        given().auth().oauth2("wrong").contentType(ContentType.JSON).body("{\"verdict\": \"relevant\"}")
                .put("/alerts/" + alertId + "/feedback").then().statusCode(401);
        assertThat(feedbackOn(alertId)).isEmpty();
    }

    @Test
    void aVerdictGoesToTheFeedbackTopicWithTheStoryAndTheLatestOneWins() throws Exception {
        String title = "Microsoft weighs legal action " + UUID.randomUUID();
        String alertId = received(title);

        api().body("{\"verdict\": \"relevant\"}").put("/alerts/" + alertId + "/feedback").then().statusCode(204);

        List<ConsumerRecord<String, String>> written = feedbackOn(alertId);
        assertThat(written).hasSize(1);
        JsonNode feedback = MAPPER.readTree(written.get(0).value());
        assertThat(FeedbackContractSchema.validate(feedback)).isEmpty();
        assertThat(feedback.path("verdict").asText()).isEqualTo("relevant");
        assertThat(feedback.path("via").asText()).isEqualTo("console");
        assertThat(feedback.at("/story/title").asText()).isEqualTo(title);
        assertThat(feedback.at("/story/link").asText()).startsWith("https://");
        assertThat(feedback.path("ruleIds")).extracting(JsonNode::asText).containsExactly("ms-openai-amazon-dispute");
        given().get("/alerts/" + alertId + "/feedback").then().statusCode(200)
                .body("verdict", equalTo("relevant")).body("via", equalTo("console"));
        given().get("/alerts/recent?limit=1000").then().statusCode(200)
                .body("find { it.alert.alertId == '" + alertId + "' }.feedback.verdict", equalTo("relevant"));

        api().body("{\"verdict\": \"not-relevant\"}").put("/alerts/" + alertId + "/feedback").then().statusCode(204);
        given().get("/alerts/" + alertId + "/feedback").then().body("verdict", equalTo("not-relevant"));
        assertThat(feedbackOn(alertId)).hasSize(2).last().satisfies(record -> assertThat(record.value()).contains("\"not-relevant\""));
    }

    @Test
    void aBadVerdictIsRefusedSayingWhatIsExpected() {
        String alertId = received("Bad verdict story " + UUID.randomUUID());

        api().body("{\"verdict\": \"maybe\"}").put("/alerts/" + alertId + "/feedback").then().statusCode(400)
                .body("error", equalTo("verdict must be \"relevant\" or \"not-relevant\", not \"maybe\""));
        api().body("{}").put("/alerts/" + alertId + "/feedback").then().statusCode(400)
                .body("error", containsString("verdict must be"));
        assertThat(feedbackOn(alertId)).isEmpty();
    }

    @Test
    void anAlertThisInstanceDoesNotHoldIsNotFound() {
        String unknown = UUID.randomUUID().toString().replace("-", "");

        api().body("{\"verdict\": \"relevant\"}").put("/alerts/" + unknown + "/feedback").then().statusCode(404)
                .body("error", containsString("no alert " + unknown));
        given().get("/alerts/" + unknown + "/feedback").then().statusCode(404);
    }

    private String received(String title) {
        ObjectNode alert = TestAlerts.alert(title);
        String alertId = alert.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, alert);
        await().atMost(WAIT).until(() -> given().get("/alerts/recent?limit=1000").asString().contains(alertId));
        return alertId;
    }

    private List<ConsumerRecord<String, String>> feedbackOn(String alertId) {
        return TopicContents.readAll(bootstrapServers, Topics.FEEDBACK).stream().filter(record -> alertId.equals(record.key())).toList();
    }

    private RequestSpecification api() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
