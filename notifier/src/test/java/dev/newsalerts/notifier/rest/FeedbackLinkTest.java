package dev.newsalerts.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

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
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The signed one-click links of deliveries, followed the way a reader (or a mail scanner, or a chat
 * bot) follows them: GET shows a page and records nothing, POST records, a changed link is refused.
 */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class FeedbackLinkTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern EMAIL_LINK = Pattern.compile("(Relevant|Not relevant): +(\\S+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aWebhookCarriesTwoSignedLinksAndGettingOneOnlyShowsAPageWithOneButton() throws Exception {
        ObjectNode alert = TestAlerts.alert("Microsoft weighs legal action " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, alert);
        JsonNode feedback = webhookBody(alertId).path("feedback");

        String relevant = feedback.path("relevant").asText();
        assertThat(relevant).matches("http://localhost:\\d+/feedback/" + alertId
                + "\\?verdict=relevant&sub=config-test-hook&ref=\\d+-\\d+&sig=[A-Za-z0-9_-]{43}");
        assertThat(feedback.path("notRelevant").asText()).contains("/feedback/" + alertId + "?verdict=not-relevant&sub=config-test-hook");

        String page = link().accept("text/html").get(pathAndQuery(relevant)).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", "no-referrer")
                .extract().asString();
        assertThat(page).contains("<form method=\"post\">", "<button type=\"submit\">Relevant</button>",
                alert.get("story").get("title").asText());
        assertThat(feedbackOn(alertId)).as("a GET (a mail scanner's prefetch) records nothing").isEmpty();
    }

    @Test
    void postingALinkRecordsItsVerdictWithTheStoryAndTheSubscription() throws Exception {
        ObjectNode alert = TestAlerts.alert("Amazon answers Microsoft " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, alert);
        String notRelevant = webhookBody(alertId).at("/feedback/notRelevant").asText();

        link().post(pathAndQuery(notRelevant)).then().statusCode(204);

        List<ConsumerRecord<String, String>> written = feedbackOn(alertId);
        assertThat(written).hasSize(1);
        JsonNode feedback = MAPPER.readTree(written.get(0).value());
        assertThat(FeedbackContractSchema.validate(feedback)).isEmpty();
        assertThat(feedback.path("verdict").asText()).isEqualTo("not-relevant");
        assertThat(feedback.path("via").asText()).isEqualTo("link");
        assertThat(feedback.path("subscriptionId").asText()).isEqualTo("config-test-hook");
        assertThat(feedback.at("/story/title").asText()).isEqualTo(alert.get("story").get("title").asText());

        String page = link().accept("text/html").post(pathAndQuery(webhookBody(alertId).at("/feedback/relevant").asText()))
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("recorded as relevant");
        given().get("/alerts/" + alertId + "/feedback").then().statusCode(200).body("verdict", org.hamcrest.Matchers.equalTo("relevant"));
    }

    @Test
    void aChangedOrUnsignedLinkIsForbiddenAndNothingIsWritten() throws Exception {
        ObjectNode alert = TestAlerts.alert("Tampered link story " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, alert);
        String relevant = pathAndQuery(webhookBody(alertId).at("/feedback/relevant").asText());
        String signature = relevant.substring(relevant.indexOf("&sig=") + 5);
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        link().post(relevant.replace(signature, flipped)).then().statusCode(403).body("error", containsString("not signed"));
        link().post(relevant.replace("verdict=relevant", "verdict=not-relevant")).then().statusCode(403);
        link().post(relevant.replace("sub=config-test-hook", "sub=someone-else")).then().statusCode(403);
        link().post(relevant.substring(0, relevant.indexOf("&sig="))).then().statusCode(403);
        link().post(relevant.replace("&sub=config-test-hook", "")).then().statusCode(403);
        link().accept("text/html").get(relevant.replace(signature, flipped)).then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("403 Forbidden"));

        assertThat(feedbackOn(alertId)).isEmpty();
    }

    @Test
    void anEmailCarriesWorkingLinksInItsTextAndHtml() throws Exception {
        ObjectNode alert = TestAlerts.alert("Emailed story with links " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        String title = alert.get("story").get("title").asText();
        TestAlerts.publish(bootstrapServers, alert);

        MimeMessage mail = await().atMost(WAIT).until(() -> mailAbout(title), list -> !list.isEmpty()).get(0);
        Multipart parts = (Multipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = String.valueOf(parts.getBodyPart(1).getContent());
        Matcher links = EMAIL_LINK.matcher(text);
        assertThat(links.find()).as("the text part has the links: %s", text).isTrue();
        String relevant = links.group(2);
        assertThat(relevant).contains("/feedback/" + alertId + "?verdict=relevant&sub=config-test-inbox&ref=");
        assertThat(html).contains(">Relevant</a>", ">Not relevant</a>", relevant.replace("&", "&amp;"));

        link().post(pathAndQuery(relevant)).then().statusCode(204);
        assertThat(feedbackOn(alertId)).singleElement().satisfies(record -> assertThat(record.value())
                .contains("\"via\":\"link\"", "\"subscriptionId\":\"config-test-inbox\""));
    }

    static JsonNode webhookBody(String alertId) {
        return await().atMost(WAIT).until(() -> WebhookReceiverResource.deliveries().stream()
                .filter(delivery -> delivery.path().equals("/hook") && delivery.body().contains(alertId))
                .map(delivery -> read(delivery.body())).findFirst(), found -> found.isPresent()).get();
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link as this test reaches the notifier (its port is the test's, not the public URL's). */
    static String pathAndQuery(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static RequestSpecification link() {
        return given().urlEncodingEnabled(false);
    }

    List<ConsumerRecord<String, String>> feedbackOn(String alertId) {
        return TopicContents.readAll(bootstrapServers, Topics.FEEDBACK).stream().filter(record -> alertId.equals(record.key())).toList();
    }

    private static List<MimeMessage> mailAbout(String title) {
        return Arrays.stream(SmtpServerResource.mailbox().getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject().contains(title);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
