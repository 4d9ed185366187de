package dev.newsalerts.notifier.rest;

import static dev.newsalerts.notifier.rest.FeedbackLinkTest.link;
import static dev.newsalerts.notifier.rest.FeedbackLinkTest.pathAndQuery;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.notifier.SetApartNotifier;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.WebhookReceiverResource;
import dev.newsalerts.notifier.app.FeedbackLinks;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.FeedbackLink;
import dev.newsalerts.notifier.domain.Verdict;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Links whose alert this instance no longer holds (it keeps one recent alert here): the alert is read
 * back from news.alerts at the link's {@code ref}, and a link news.alerts can no longer answer is 410.
 */
@QuarkusTest
@TestProfile(SetApartNotifier.class)
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class FeedbackLinkReadBackTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    FeedbackLinks links;

    @Test
    void aLinkWhoseAlertThisInstanceForgotIsReadBackFromItsPlaceInTheAlertsTopic() throws Exception {
        ObjectNode old = TestAlerts.alert("Forgotten story " + UUID.randomUUID());
        String alertId = old.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, old);
        String relevant = delivered(alertId).at("/feedback/relevant").asText();
        pushedOut(alertId);

        link().post(pathAndQuery(relevant)).then().statusCode(204);

        JsonNode feedback = FeedbackLinkTest.read(feedbackOn(alertId).get(0).value());
        assertThat(FeedbackContractSchema.validate(feedback)).isEmpty();
        assertThat(feedback.at("/story/title").asText()).isEqualTo(old.get("story").get("title").asText());
        assertThat(feedback.path("rulesVersion").asText()).isEqualTo(old.get("rulesVersion").asText());
    }

    @Test
    void aLinkWhoseAlertTheTopicNoLongerHoldsIsGoneAndNothingIsWritten() throws Exception {
        ObjectNode old = TestAlerts.alert("Expired story " + UUID.randomUUID());
        String alertId = old.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, old);
        String relevant = delivered(alertId).at("/feedback/relevant").asText();
        pushedOut(alertId);
        AlertPosition position = AlertPosition.parse(relevant.replaceAll(".*&ref=([0-9-]+)&.*", "$1"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.deleteRecords(Map.of(new TopicPartition(Topics.ALERTS, position.partition()),
                    RecordsToDelete.beforeOffset(position.offset() + 1))).all().get(); // what retention does
        }

        link().post(pathAndQuery(relevant)).then().statusCode(410).body("error", containsString("no longer in news.alerts"));
        link().accept("text/html").post(pathAndQuery(relevant)).then().statusCode(410)
                .body(containsString("this link has expired"));
        assertThat(feedbackOn(alertId)).isEmpty();
    }

    @Test
    void aSignedLinkWhosePlaceHoldsAnotherAlertRecordsNothing() {
        ObjectNode first = TestAlerts.alert("First of two " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, first);
        String relevant = delivered(first.get("alertId").asText()).at("/feedback/relevant").asText();
        pushedOut(first.get("alertId").asText());
        String otherId = UUID.randomUUID().toString().replace("-", "");
        AlertPosition position = AlertPosition.parse(relevant.replaceAll(".*&ref=([0-9-]+)&.*", "$1"));

        link().post(pathAndQuery(links.url(new FeedbackLink(otherId, Verdict.RELEVANT, "config-test-hook", position))))
                .then().statusCode(410);
        assertThat(feedbackOn(otherId)).isEmpty();
    }

    private JsonNode delivered(String alertId) {
        return FeedbackLinkTest.webhookBody(alertId);
    }

    /** Another alert arrives, and this instance, which keeps one, forgets the first. */
    private void pushedOut(String alertId) {
        ObjectNode next = TestAlerts.alert("Newer story " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, next);
        await().atMost(FeedbackLinkTest.WAIT).until(() -> {
            String recent = given().get("/alerts/recent").asString();
            return recent.contains(next.get("alertId").asText()) && !recent.contains(alertId);
        });
    }

    private List<ConsumerRecord<String, String>> feedbackOn(String alertId) {
        return TopicContents.readAll(bootstrapServers, Topics.FEEDBACK).stream().filter(record -> alertId.equals(record.key())).toList();
    }
}
