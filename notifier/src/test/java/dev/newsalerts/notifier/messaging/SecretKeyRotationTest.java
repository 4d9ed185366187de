package dev.newsalerts.notifier.messaging;

import static dev.newsalerts.httpapi.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.standardwebhooks.Webhook;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.WebhookReceiverResource;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Subscription;
import dev.newsalerts.notifier.domain.WebhookFormat;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A restart after a rotation of {@code notifier.secrets.key}: subscriptions stored before it, with
 * their secrets under the old key (now among the previous keys), in plain text (from before secrets
 * were encrypted), or under a key no longer configured, are in news.subscriptions before the
 * notifier starts ({@link StoredBefore}).
 */
@QuarkusTest
@TestProfile(SecretKeyRotationTest.KeyBWithKeyABefore.class)
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
@WithTestResource(SecretKeyRotationTest.StoredBefore.class)
class SecretKeyRotationTest {

    static final String SECRET_UNDER_A = "whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
    static final String SECRET_IN_PLAIN_TEXT = "whsec_UExBSU5QTEFJTlBMQUlOUExBSU5QTEFJTlBMQUk=";
    static final String SECRET_UNDER_GONE_KEY = "whsec_R09ORUdPTkVHT05FR09ORUdPTkVHT05FR09ORUc=";
    static final String UNDER_A = "rotation-a-" + UUID.randomUUID();
    static final String IN_PLAIN_TEXT = "rotation-plain-" + UUID.randomUUID();
    static final String UNDER_GONE_KEY = "rotation-gone-" + UUID.randomUUID();

    public static class KeyBWithKeyABefore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notifier.secrets.key", SecretCipherTest.KEY_B, "notifier.secrets.previous-keys", SecretCipherTest.KEY_A);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @Test
    void aSecretUnderThePreviousKeyIsReadAndWrittenAgainUnderTheCurrentKey() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lastRecord(UNDER_A))
                .contains("\"secret\":\"enc:v1:k-b:").doesNotContain("whsec_"));

        StoredSubscription read = json(Optional.of(SecretCipherTest.KEY_B), List.of()).read(lastRecord(UNDER_A));
        assertThat(read.subscription().secret()).as("decrypted with key B alone").isEqualTo(SECRET_UNDER_A);
        assertDeliveriesAreSignedWith(UNDER_A, SECRET_UNDER_A);
    }

    @Test
    void aSecretInPlainTextFromBeforeIsReadAndWrittenEncrypted() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lastRecord(IN_PLAIN_TEXT))
                .contains("\"secret\":\"enc:v1:k-b:").doesNotContain("whsec_"));

        assertDeliveriesAreSignedWith(IN_PLAIN_TEXT, SECRET_IN_PLAIN_TEXT);
    }

    @Test
    void aSecretUnderAKeyNoLongerConfiguredKeepsItsSubscriptionDisabledSayingWhyAndUnchangedInKafka() {
        api().get("/subscriptions/" + UNDER_GONE_KEY).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("signed", equalTo(false))
                .body("disabledReason", containsString("key id 'k-gone'"))
                .body("disabledReason", containsString("notifier.secrets.previous-keys"));

        api().body("{\"name\": \"changed\", \"channel\": \"webhook\", \"target\": \"%s\"}".formatted(target(UNDER_GONE_KEY)))
                .put("/subscriptions/" + UNDER_GONE_KEY).then().spec(problem(503, "key id 'k-gone'"));
        api().post("/subscriptions/" + UNDER_GONE_KEY + "/secret").then().spec(problem(503, "key id 'k-gone'"));
        assertThat(records(UNDER_GONE_KEY)).as("never written again: its secret would be lost").hasSize(1)
                .allSatisfy(record -> assertThat(record.value()).contains("\"secret\":\"enc:v1:k-gone:"));
    }

    @AfterAll
    static void forgetTheSubscriptionsStoredBefore() {
        // the next test classes of this JVM run under the test key only
        try (KafkaCompanion companion = new KafkaCompanion(LocalKafkaTestResource.sharedBroker().bootstrapServers())) {
            companion.produceStrings().fromRecords(List.of(new ProducerRecord<>(Topics.SUBSCRIPTIONS, UNDER_A, null),
                    new ProducerRecord<>(Topics.SUBSCRIPTIONS, IN_PLAIN_TEXT, null),
                    new ProducerRecord<>(Topics.SUBSCRIPTIONS, UNDER_GONE_KEY, null))).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private void assertDeliveriesAreSignedWith(String id, String secret) throws Exception {
        TestAlerts.publish(bootstrapServers, TestAlerts.alert("Microsoft and OpenAI renegotiate " + UUID.randomUUID()));

        WebhookReceiverResource.Delivery delivery = await().atMost(Duration.ofSeconds(30))
                .until(() -> WebhookReceiverResource.deliveries().stream()
                        .filter(received -> received.path().equals("/hook/rotation/" + id)).toList(), list -> !list.isEmpty())
                .get(0);
        new Webhook(secret).verify(delivery.body(), delivery.headers());
    }

    private String lastRecord(String id) {
        List<ConsumerRecord<String, String>> records = records(id);
        return records.isEmpty() ? "" : records.get(records.size() - 1).value();
    }

    private List<ConsumerRecord<String, String>> records(String id) {
        return TopicContents.readAll(bootstrapServers, Topics.SUBSCRIPTIONS).stream().filter(record -> id.equals(record.key())).toList();
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String target(String id) {
        return WebhookReceiverResource.url() + "/rotation/" + id;
    }

    static SubscriptionJson json(Optional<String> key, List<String> previous) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new SubscriptionJson(mapper, new SecretCipher(SecretKeys.of(key, previous)));
    }

    /**
     * What news.subscriptions held before this start: written by a notifier under key A, by one from
     * before secrets were encrypted, and under a key since dropped from the configuration.
     */
    public static class StoredBefore implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String bootstrap = LocalKafkaTestResource.sharedBroker().bootstrapServers();
            createTopic(bootstrap);
            String underA = json(Optional.of(SecretCipherTest.KEY_A), List.of()).write(webhook(UNDER_A, SECRET_UNDER_A));
            String gone = json(Optional.of("k-gone:" + SecretCipherTest.KEY_A.substring("k-a:".length())), List.of())
                    .write(webhook(UNDER_GONE_KEY, SECRET_UNDER_GONE_KEY));
            String plain = """
                    {"id": "%s", "name": "stored before encryption", "channel": "webhook", "target": "%s", "rules": [],
                     "format": "standard", "secret": "%s", "enabled": true, "origin": "api",
                     "createdAt": "2026-11-23T08:00:00Z", "updatedAt": "2026-11-23T08:00:00Z"}"""
                    .formatted(IN_PLAIN_TEXT, target(IN_PLAIN_TEXT), SECRET_IN_PLAIN_TEXT);
            try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
                companion.produceStrings().fromRecords(List.of(new ProducerRecord<>(Topics.SUBSCRIPTIONS, UNDER_A, underA),
                        new ProducerRecord<>(Topics.SUBSCRIPTIONS, IN_PLAIN_TEXT, plain),
                        new ProducerRecord<>(Topics.SUBSCRIPTIONS, UNDER_GONE_KEY, gone))).awaitCompletion(Duration.ofSeconds(30));
            }
            return Map.of();
        }

        /** After the webhook receiver: the subscriptions target it. */
        @Override
        public int order() {
            return 100;
        }

        @Override
        public void stop() {
        }

        private static Subscription webhook(String id, String secret) {
            Instant created = Instant.parse("2026-11-23T08:00:00Z");
            return new Subscription(id, "stored under a key", Channel.WEBHOOK, target(id), List.of(), null, null,
                    WebhookFormat.STANDARD, secret, true, null, Subscription.ORIGIN_API, created, created, null, null, null, null,
                    null, null, null);
        }

        /** As the notifier creates it, in case this is the first test of the JVM to use the broker. */
        private static void createTopic(String bootstrap) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(Topics.SUBSCRIPTIONS, 3, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact")))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create " + Topics.SUBSCRIPTIONS, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
