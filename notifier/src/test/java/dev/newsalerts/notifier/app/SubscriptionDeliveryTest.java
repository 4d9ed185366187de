package dev.newsalerts.notifier.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts reaching subscriptions made through the API, with a real broker and a real receiver on loopback. */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class SubscriptionDeliveryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @AfterEach
    void receiverUp() {
        WebhookReceiverResource.switchDown = false;
    }

    @Test
    void eachSubscriptionGetsOnlyTheRulesItWantsSignedWithItsOwnSecret() throws Exception {
        String path = "/" + UUID.randomUUID();
        JsonPath dispute = subscribe("{\"name\": \"dispute\", \"channel\": \"webhook\", \"target\": \"%s\","
                + " \"rules\": [\"ms-openai-amazon-dispute\"], \"minScore\": 0.5}", path + "/dispute");
        subscribe("{\"name\": \"pricing\", \"channel\": \"webhook\", \"target\": \"%s\", \"rules\": [\"cloud-pricing\"]}",
                path + "/pricing");
        subscribe("{\"name\": \"english only\", \"channel\": \"webhook\", \"target\": \"%s\", \"language\": \"zh\"}",
                path + "/chinese");
        ObjectNode alert = TestAlerts.alert("Microsoft weighs legal action " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, alert);

        WebhookReceiverResource.Delivery delivery = await().atMost(Duration.ofSeconds(30))
                .until(() -> received(path + "/dispute"), list -> !list.isEmpty()).get(0);
        new Webhook(dispute.getString("secret")).verify(delivery.body(), delivery.headers());
        assertThat(delivery.headers().get("Webhook-id")).containsExactly(alert.get("alertId").asText());
        JsonNode payload = MAPPER.readTree(delivery.body());
        assertThat(payload.get("data").get("story").get("title").asText()).isEqualTo(alert.get("story").get("title").asText());

        awaitLogged(dispute.getString("id"), alert.get("alertId").asText(), "delivered");
        assertThat(received(path + "/pricing")).as("a subscription to another rule").isEmpty();
        assertThat(received(path + "/chinese")).as("a subscription to another language").isEmpty();
    }

    @Test
    void afterASecretRotationADeliveryVerifiesWithTheOldSecretAndWithTheNew() throws Exception {
        String path = "/" + UUID.randomUUID() + "/rotated";
        JsonPath subscription = subscribe("{\"name\": \"rotated\", \"channel\": \"webhook\", \"target\": \"%s\"}", path);
        String oldSecret = subscription.getString("secret");
        String newSecret = api().post("/subscriptions/" + subscription.getString("id") + "/secret").then().statusCode(200)
                .extract().path("secret");
        TestAlerts.publish(bootstrapServers, TestAlerts.alert("Microsoft and OpenAI renegotiate " + UUID.randomUUID()));

        WebhookReceiverResource.Delivery delivery = await().atMost(Duration.ofSeconds(30))
                .until(() -> received(path), list -> !list.isEmpty()).get(0);
        assertThat(delivery.headers().get("Webhook-signature").get(0).split(" ")).hasSize(2);
        new Webhook(newSecret).verify(delivery.body(), delivery.headers());
        new Webhook(oldSecret).verify(delivery.body(), delivery.headers());
    }

    @Test
    void aSlackSubscriptionGetsSlacksIncomingWebhookJson() throws Exception {
        String path = "/" + UUID.randomUUID() + "/slack";
        subscribe("{\"name\": \"slack\", \"channel\": \"webhook\", \"target\": \"%s\", \"format\": \"slack\"}", path);
        ObjectNode alert = TestAlerts.alert("OpenAI <b>& Amazon</b> " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, alert);

        String body = await().atMost(Duration.ofSeconds(30)).until(() -> received(path), list -> !list.isEmpty()).get(0).body();
        String text = MAPPER.readTree(body).get("text").asText();
        assertThat(text).startsWith("*<" + alert.get("story").get("link").asText() + "|OpenAI &lt;b&gt;&amp; Amazon&lt;/b&gt;")
                .contains("Microsoft–OpenAI–Amazon cloud dispute");
    }

    @Test
    void aReceiverThatIsDownForAWhileGetsTheAlertOnceWhenItIsBackAndTheLogAndMetricsShowTheRetries() {
        String path = "/" + UUID.randomUUID() + "/switch";
        String id = subscribe("{\"name\": \"flaky\", \"channel\": \"webhook\", \"target\": \"%s\"}", path).getString("id");
        WebhookReceiverResource.switchDown = true;
        ObjectNode alert = TestAlerts.alert("Amazon and OpenAI sign a deal " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, alert);

        await().atMost(Duration.ofSeconds(30)).until(() -> received(path).size() >= 2);
        WebhookReceiverResource.switchDown = false;

        awaitLogged(id, alertId, "delivered");
        assertThat(received(path).stream().filter(WebhookReceiverResource.Delivery::succeeded)).hasSize(1);
        JsonPath log = api().get("/subscriptions/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
        List<Integer> statuses = log.getList("find { it.alertId == '" + alertId + "' }.attempts.status");
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(3).startsWith(503, 503).endsWith(204);
        assertThat(log.getString("find { it.alertId == '" + alertId + "' }.attempts[0].error")).isEqualTo("receiver answered HTTP 503");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metric(metrics, "notifier_deliveries_total{channel=\"webhook\",outcome=\"failed\"}")).isGreaterThanOrEqualTo(2);
        assertThat(metric(metrics, "notifier_deliveries_total{channel=\"webhook\",outcome=\"delivered\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "notifier_retries_waiting")).isGreaterThanOrEqualTo(0);
    }

    private static double metric(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0])) // then maybe an exemplar
                .orElseThrow(() -> new AssertionError(series + " is not in /q/metrics"));
    }

    @Test
    void deadDeliveriesCanBeReplayedOnceTheReceiverIsBack() {
        String path = "/" + UUID.randomUUID() + "/switch";
        String id = subscribe("{\"name\": \"replay me\", \"channel\": \"webhook\", \"target\": \"%s\"}", path).getString("id");
        WebhookReceiverResource.switchDown = true;
        ObjectNode alert = TestAlerts.alert("Microsoft and OpenAI rewrite their contract " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        TestAlerts.publish(bootstrapServers, alert);

        awaitLogged(id, alertId, "dead");
        ConsumerRecord<String, String> dead = TopicContents.readAll(bootstrapServers, Topics.DELIVERIES_DLQ).stream()
                .filter(record -> id.equals(record.key())).findFirst().orElseThrow();
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("all 5 attempts failed").contains("HTTP 503");
        assertThat(received(path)).hasSize(5).noneMatch(WebhookReceiverResource.Delivery::succeeded);

        WebhookReceiverResource.switchDown = false;
        assertThat(api().post("/subscriptions/" + id + "/deliveries/replay").then().statusCode(200)
                .extract().<Integer>path("replayed")).isEqualTo(1);
        awaitLogged(id, alertId, "delivered");
        assertThat(received(path).stream().filter(WebhookReceiverResource.Delivery::succeeded)).hasSize(1);
        assertThat(api().post("/subscriptions/" + id + "/deliveries/replay").then().statusCode(200)
                .extract().<Integer>path("replayed")).as("nothing left to replay").isZero();
    }

    @Test
    void anUnreadableRecordInARetryTopicGoesToTheDeadLettersWithTheReasonAndRetriesGoOn() {
        String key = "not-a-subscription-" + UUID.randomUUID();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>("news.deliveries.retry.300ms", key, "{\"deliveryId\": [}"))
                    .awaitCompletion(Duration.ofSeconds(30));
        }

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(() -> TopicContents
                .readAll(bootstrapServers, Topics.DELIVERIES_DLQ).stream().filter(record -> key.equals(record.key())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(dead.value()).isEqualTo("{\"deliveryId\": [}");
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .startsWith("not a Delivery");
        aReceiverThatIsDownForAWhileGetsTheAlertOnceWhenItIsBackAndTheLogAndMetricsShowTheRetries();
    }

    @Test
    void aReceiverAnswering429IsNotCalledAgainBeforeItsRetryAfter() {
        String path = "/" + UUID.randomUUID() + "/busy";
        String id = subscribe("{\"name\": \"busy\", \"channel\": \"webhook\", \"target\": \"%s\"}", path).getString("id");
        ObjectNode alert = TestAlerts.alert("OpenAI models come to Bedrock " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, alert);

        awaitLogged(id, alert.get("alertId").asText(), "delivered");
        List<WebhookReceiverResource.Delivery> calls = received(path);
        assertThat(calls).extracting(WebhookReceiverResource.Delivery::status).containsExactly(429, 204);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
                .as("the retry schedule's first wait is 300 ms; Retry-After asked for 2 s").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void deliveriesToOneReceiverAreSpacedByItsRateLimit() {
        String path = "/" + UUID.randomUUID() + "/paced";
        String id = subscribe("{\"name\": \"paced\", \"channel\": \"webhook\", \"target\": \"%s\"}", path).getString("id");
        ObjectNode[] alerts = new ObjectNode[6];
        for (int i = 0; i < alerts.length; i++) {
            alerts[i] = TestAlerts.alert("OpenAI pays Microsoft a capped revenue share " + i + " " + UUID.randomUUID());
        }
        TestAlerts.publish(bootstrapServers, alerts); // together: in flight at once, were it not for the limit

        await().atMost(Duration.ofSeconds(30)).until(() -> received(path).size() == 6);
        // When each attempt started, from the delivery log: at 20 attempts a second (the test profile's limit) the k-th
        // starts at least 50 ms × k after the first, less the first one's own delay; without the limit, some of the six
        // start within a millisecond of another.
        List<Instant> starts = await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/subscriptions/" + id
                + "/deliveries").then().statusCode(200).extract().jsonPath().<String>getList("collect { it.attempts[0].at }").stream()
                .filter(Objects::nonNull).map(Instant::parse).sorted().toList(), list -> list.size() == 6);
        for (int k = 1; k < starts.size(); k++) {
            assertThat(Duration.between(starts.get(0), starts.get(k))).as("attempt %d after the first", k + 1)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(50L * k - 20));
        }
    }

    @Test
    void anEmailDigestGathersTheAlertsOfItsWindowIntoOneMail() throws Exception {
        String address = "digest-" + UUID.randomUUID() + "@example.com";
        api().body("{\"name\": \"digest\", \"channel\": \"email\", \"target\": \"" + address + "\", \"digest\": \"10s\"}")
                .post("/subscriptions").then().statusCode(201);
        // Both alerts in one 10 s window (windows are aligned to the epoch): start early in one.
        await().atMost(Duration.ofSeconds(10)).until(() -> System.currentTimeMillis() % 10_000 < 4_000);
        String first = "First story of the digest " + UUID.randomUUID();
        String second = "Second story of the digest " + UUID.randomUUID();
        TestAlerts.publish(bootstrapServers, TestAlerts.alert(first));
        TestAlerts.publish(bootstrapServers, TestAlerts.alert(second));

        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(address), list -> !list.isEmpty()).get(0);
        assertThat(mail.getSubject()).isEqualTo("[news-alerts] 2 alerts in the last 10s");
        String text = (String) ((jakarta.mail.Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains(first, second);
        assertThat(text.split("\nRelevant: http", -1)).as("each alert with its feedback links").hasSize(3);
        assertThat(text.split("\nNot relevant: http", -1)).hasSize(3);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(address).size() == 1);
    }

    @Test
    void aReceiverAnswering410GoneDisablesItsSubscriptionSayingWhy() {
        String path = "/" + UUID.randomUUID() + "/gone";
        String id = subscribe("{\"name\": \"gone\", \"channel\": \"webhook\", \"target\": \"%s\"}", path).getString("id");
        TestAlerts.publish(bootstrapServers, TestAlerts.alert("Amazon Bedrock gets OpenAI models " + UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get("/subscriptions/" + id).then()
                .body("enabled", org.hamcrest.Matchers.equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.containsString("410 Gone")));
        assertThat(received(path)).hasSize(1);
    }

    @Test
    void aSubscriptionItsReceiverDisablesTellsItsContactAndEnablingItDeliversWhatItMissed() throws Exception {
        String path = "/" + UUID.randomUUID() + "/moved";
        String contact = "owner-" + UUID.randomUUID() + "@example.org";
        String id = subscribe("{\"name\": \"moved away\", \"channel\": \"webhook\", \"target\": \"%s\", \"contact\": \""
                + contact + "\"}", path).getString("id");
        WebhookReceiverResource.answer(path, 413); // a dead letter at once, without the retries
        ObjectNode failedForGood = TestAlerts.alert("Amazon and OpenAI widen their compute deal " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, failedForGood);
        awaitLogged(id, failedForGood.get("alertId").asText(), "dead");
        WebhookReceiverResource.answer(path, 410);
        ObjectNode refused = TestAlerts.alert("Microsoft questions the OpenAI and Amazon agreement " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, refused);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get("/subscriptions/" + id).then()
                .body("enabled", org.hamcrest.Matchers.equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.containsString("410 Gone")));
        awaitLogged(id, refused.get("alertId").asText(), "gone");
        MimeMessage notice = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(contact), mails -> !mails.isEmpty()).get(0);
        assertThat(notice.getSubject()).contains("moved away", "disabled");
        assertThat(notice.getContent().toString()).contains("410 Gone", "/subscriptions/" + id + "/enable", id)
                .doesNotContain(path);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("notifier_subscriptions\\{[^}]*state=\"disabled\"[^}]*\\} [1-9]");

        WebhookReceiverResource.answer(path, null);
        api().post("/subscriptions/" + id + "/enable").then().statusCode(200)
                .body("subscription.enabled", org.hamcrest.Matchers.equalTo(true))
                .body("subscription.disabledReason", org.hamcrest.Matchers.nullValue())
                .body("replayed", org.hamcrest.Matchers.equalTo(2));

        awaitLogged(id, failedForGood.get("alertId").asText(), "delivered");
        awaitLogged(id, refused.get("alertId").asText(), "delivered");
        assertThat(received(path).stream().filter(WebhookReceiverResource.Delivery::succeeded)
                .map(delivery -> delivery.headers().get("Webhook-id").get(0)))
                .containsExactlyInAnyOrder(failedForGood.get("alertId").asText(), refused.get("alertId").asText());
        assertThat(mailsTo(contact)).as("one notice for one disabling").hasSize(1);
    }

    @Test
    void enablingNeedsTheTokenAndAnExistingSubscription() {
        given().post("/subscriptions/" + UUID.randomUUID() + "/enable").then().statusCode(401);
        api().post("/subscriptions/" + UUID.randomUUID() + "/enable").then().statusCode(404)
                .contentType("application/problem+json");
        api().body("{\"name\": \"x\", \"channel\": \"webhook\", \"target\": \"" + WebhookReceiverResource.url()
                + "\", \"contact\": \"not an address\"}").post("/subscriptions").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("contact"));
    }

    @Test
    void aReceiverAnswering413GetsNoRetryOfThatPayload() {
        String path = "/" + UUID.randomUUID() + "/too-large";
        String id = subscribe("{\"name\": \"small\", \"channel\": \"webhook\", \"target\": \"%s\"}", path).getString("id");
        ObjectNode alert = TestAlerts.alert("AWS cuts Lambda prices " + UUID.randomUUID());
        TestAlerts.publish(bootstrapServers, alert);

        awaitLogged(id, alert.get("alertId").asText(), "dead");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> received(path).size() == 1);
        api().get("/subscriptions/" + id).then().body("enabled", org.hamcrest.Matchers.equalTo(true));
    }

    private JsonPath subscribe(String json, String path) {
        return api().body(json.formatted(WebhookReceiverResource.url() + path)).post("/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }

    private void awaitLogged(String subscriptionId, String alertId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api().get("/subscriptions/" + subscriptionId
                + "/deliveries").then().statusCode(200).extract().jsonPath()
                .<String>getList("findAll { it.alertId == '" + alertId + "' }.state")).containsExactly(state));
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SmtpServerResource.mailbox().getReceivedMessages()).filter(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static List<WebhookReceiverResource.Delivery> received(String path) {
        return WebhookReceiverResource.deliveries().stream().filter(delivery -> delivery.path().equals("/hook" + path)).toList();
    }
}
