package dev.newsalerts.notifier.rest;

import static dev.newsalerts.httpapi.ProblemAnswers.assertJsonTooDeepIsRefused;
import static dev.newsalerts.httpapi.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class SubscriptionResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @TestHTTPResource("/subscriptions")
    URL subscriptions;

    @Test
    void everyCallNeedsTheToken() {
        given().get("/subscriptions").then().spec(problem(401, "Authorization: Bearer"));
        given().header("Authorization", "Bearer wrong").get("/subscriptions").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\"}")
                .post("/subscriptions").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").delete("/subscriptions/config-test-hook").then().statusCode(401);
    }

    @Test
    void aWebhookSubscriptionIsCreatedWithASecretShownOnceAndKeptInKafkaEncrypted() {
        JsonPath created = api().body(webhook("team hook", WebhookReceiverResource.url() + "/team")).post("/subscriptions")
                .then().statusCode(201)
                .header("Location", containsString("/subscriptions/"))
                .body("secret", startsWith("whsec_"))
                .body("format", equalTo("standard"))
                .body("enabled", equalTo(true))
                .body("origin", equalTo("api"))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");

        api().get("/subscriptions/" + id).then().statusCode(200)
                .body("name", equalTo("team hook"))
                .body("signed", equalTo(true))
                .body("secret", nullValue());
        api().get("/subscriptions").then().statusCode(200).body("id", hasItem(id)).body("secret", not(hasItem(startsWith("whsec_"))));
        assertThat(recordsWithKey(id)).isNotEmpty().allSatisfy(record -> assertThat(record.value())
                .as("what anyone who reads news.subscriptions sees").contains("team hook")
                .doesNotContain(secret, secret.substring("whsec_".length()), "whsec_")
                .contains("\"secret\":\"enc:v1:test-k1:"));
    }

    @Test
    void aSubscriptionCanBeReplacedAndDeleted() {
        String id = api().body(webhook("to change", WebhookReceiverResource.url() + "/change")).post("/subscriptions")
                .then().statusCode(201).extract().path("id");

        api().body("""
                {"name": "changed", "channel": "webhook", "target": "%s", "rules": ["cloud-pricing"], "minScore": 0.5,
                 "language": "zh", "format": "slack", "enabled": false}""".formatted(WebhookReceiverResource.url() + "/changed"))
                .put("/subscriptions/" + id).then().statusCode(200)
                .body("name", equalTo("changed")).body("rules", equalTo(List.of("cloud-pricing")))
                .body("format", equalTo("slack")).body("enabled", equalTo(false)).body("signed", equalTo(true))
                .body("clusters", equalTo("first")).body("updateAfter", equalTo(3));
        api().get("/subscriptions/" + id).then().body("language", equalTo("zh")).body("minScore", equalTo(0.5f));
        api().body("""
                {"name": "changed", "channel": "webhook", "target": "%s", "clusters": "first+updates", "updateAfter": 5}"""
                .formatted(WebhookReceiverResource.url() + "/changed")).put("/subscriptions/" + id).then().statusCode(200);
        api().get("/subscriptions/" + id).then().body("clusters", equalTo("first+updates")).body("updateAfter", equalTo(5));

        api().delete("/subscriptions/" + id).then().statusCode(204);
        api().get("/subscriptions/" + id).then().statusCode(404).body("error", containsString(id));
        assertThat(recordsWithKey(id)).last().satisfies(record -> assertThat(record.value()).isNull());
    }

    @Test
    void aWebhooksSecretIsRotatedShowingTheNewOneOnceAndKeepingTheOldForTheOverlap() {
        JsonPath created = api().body(webhook("rotate me", WebhookReceiverResource.url() + "/rotate"))
                .post("/subscriptions").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String oldSecret = created.getString("secret");

        JsonPath rotated = api().post("/subscriptions/" + id + "/secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("signed", equalTo(true)).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(Base64.getDecoder().decode(newSecret.substring("whsec_".length()))).hasSize(32);
        Instant rotatedAt = Instant.parse(rotated.getString("secretRotatedAt"));
        assertThat(Instant.parse(rotated.getString("previousSecretValidUntil")))
                .as("the default overlap").isEqualTo(rotatedAt.plus(Duration.ofHours(24)));

        api().get("/subscriptions/" + id).then().statusCode(200)
                .body("secret", nullValue())
                .body("secretRotatedAt", equalTo(rotated.getString("secretRotatedAt")))
                .body("previousSecretValidUntil", equalTo(rotated.getString("previousSecretValidUntil")))
                .body(not(containsString(newSecret)), not(containsString(oldSecret)));
        assertThat(recordsWithKey(id)).last().satisfies(record -> assertThat(record.value())
                .doesNotContain(newSecret, oldSecret, "whsec_")
                .contains("\"secret\":\"enc:v1:test-k1:", "\"previousSecret\":\"enc:v1:test-k1:"));

        String given = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
        api().body("{\"secret\": \"" + given + "\"}").post("/subscriptions/" + id + "/secret").then().statusCode(200)
                .body("secret", equalTo(given));
        api().body("{\"secret\": \"hunter2\"}").post("/subscriptions/" + id + "/secret").then().spec(problem(400, "whsec_"));
    }

    @Test
    void aSecretCannotBeRotatedForAnUnknownAConfiguredOrAnEmailSubscription() {
        String email = api().body("{\"name\": \"inbox\", \"channel\": \"email\", \"target\": \"r@example.com\"}")
                .post("/subscriptions").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).post("/subscriptions/" + email + "/secret").then().statusCode(401);
        api().post("/subscriptions/nobody/secret").then().spec(problem(404, "no subscription nobody"));
        api().post("/subscriptions/config-test-hook/secret").then().spec(problem(409, "notifier.subscriptions.test-hook"));
        api().post("/subscriptions/" + email + "/secret").then().spec(problem(400, "only webhooks have a secret"));
    }

    @Test
    void aReplacementKeepsTheRotationUnlessItGivesASecretWhichReplacesTheOldAtOnce() {
        String id = api().body(webhook("rotated then replaced", WebhookReceiverResource.url() + "/replaced"))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
        String rotatedAt = api().post("/subscriptions/" + id + "/secret").then().statusCode(200).extract().path("secretRotatedAt");

        api().body(webhook("renamed", WebhookReceiverResource.url() + "/replaced")).put("/subscriptions/" + id).then()
                .statusCode(200).body("secretRotatedAt", equalTo(rotatedAt)).body("previousSecretValidUntil", not(nullValue()));
        assertThat(recordsWithKey(id)).last().satisfies(record -> assertThat(record.value()).contains("\"previousSecret\":\"enc:v1:"));

        api().body("{\"name\": \"renamed\", \"channel\": \"webhook\", \"target\": \"%s\", \"secret\": \"%s\"}"
                .formatted(WebhookReceiverResource.url() + "/replaced", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .put("/subscriptions/" + id).then().statusCode(200)
                .body("secretRotatedAt", nullValue()).body("previousSecretValidUntil", nullValue());
        assertThat(recordsWithKey(id)).last().satisfies(record -> assertThat(record.value()).doesNotContain("\"previousSecret\":\""));
    }

    @Test
    void subscriptionsDeclaredInConfigurationAreListedButNotChangedThroughTheApi() {
        api().get("/subscriptions/config-test-hook").then().statusCode(200).body("origin", equalTo("config"));
        api().get("/subscriptions").then().body("id", hasItem("config-test-inbox"));
        api().delete("/subscriptions/config-test-hook").then().statusCode(409)
                .body("error", containsString("notifier.subscriptions.test-hook"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no target | {\"name\":\"x\",\"channel\":\"webhook\"} | target: must not be blank",
            "unknown channel | {\"name\":\"x\",\"channel\":\"pigeon\",\"target\":\"https://93.184.215.14/\"} | channel: expected one of [email, webhook], not \"pigeon\"",
            "unknown format | {\"name\":\"x\",\"channel\":\"webhook\",\"target\":\"https://93.184.215.14/\",\"format\":\"fax\"} | format: expected one of",
            "an array for the body | [{\"name\":\"x\"}] | the request body: expected an object, not an array",
            "an object for a name | {\"name\":{},\"channel\":\"email\",\"target\":\"a@example.com\"} | name: expected a string, not an object",
            "text for a score | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"minScore\":\"high\"} | minScore: expected a number, not \"high\"",
            "a blank rule | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"rules\":[\"a\",\" \"]} | rules[1]: must not be blank",
            "no body | | request: must not be null",
            "private network | {\"name\":\"x\",\"channel\":\"webhook\",\"target\":\"http://10.0.0.5/hook\"} | a private address",
            "cloud metadata | {\"name\":\"x\",\"channel\":\"webhook\",\"target\":\"http://169.254.169.254/latest\"} | cloud metadata",
            "not http | {\"name\":\"x\",\"channel\":\"webhook\",\"target\":\"file:///etc/passwd\"} | http://",
            "user and password | {\"name\":\"x\",\"channel\":\"webhook\",\"target\":\"https://user:pw@93.184.215.14/hook\"} | user name or password",
            "bad email | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@b.com\\r\\nBcc: c@d.com\"} | not an email address",
            "score above 1 | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"minScore\":2} | minScore: must be less than or equal to 1",
            "weak secret | {\"name\":\"x\",\"channel\":\"webhook\",\"target\":\"https://93.184.215.14/\",\"secret\":\"hunter2\"} | whsec_",
            "email with a format | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"format\":\"slack\"} | webhooks only",
            "digest for a webhook | {\"name\":\"x\",\"channel\":\"webhook\",\"target\":\"https://93.184.215.14/\",\"digest\":\"1h\"} | digest is for email only",
            "digest too short | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"digest\":\"5s\"} | between 10s and 24h",
            "digest unreadable | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"digest\":\"hourly\"} | such as 15m or 1h",
            "unknown cluster mode | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"clusters\":\"once\"} | clusters: expected one of",
            "update after none | {\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\",\"updateAfter\":0} | updateAfter: must be greater than or equal to 1",
            "not JSON | {\"name\": | the request body is not valid JSON: Unexpected end-of-input",
    })
    void badRequestsAreRefusedWithAProblemDocumentSayingWhatIsWrong(String what, String body, String detail) {
        api().body(body == null ? "" : body).post("/subscriptions").then().spec(problem(400, detail))
                .body("title", equalTo("Bad Request"));
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedAndTheServiceAnswersOn() throws Exception {
        assertJsonTooDeepIsRefused(subscriptions.toURI(), "\"name\":\"x\",\"channel\":\"email\",\"target\":\"a@example.com\"",
                "Authorization", "Bearer " + token);

        api().get("/subscriptions").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET | /alerts/recent?limit=abc | 400 | query parameter limit: expected a whole number, not \"abc\"",
            "GET | /alerts/recent?limit=0 | 400 | limit must be between 1 and 1000",
            "GET | /subscriptions/config-test-hook/deliveries?limit=x | 400 | query parameter limit: expected a whole number",
            "GET | /subscriptions/nobody/deliveries | 404 | no subscription nobody",
            "GET | /nowhere | 404 | nothing at /nowhere",
            "DELETE | /alerts/recent | 405 | DELETE is not allowed on /alerts/recent",
            "PUT | /alerts/a1/feedback | 400 | verdict",
    })
    void everyOtherErrorIsAProblemDocumentToo(String method, String path, int status, String detail) {
        api().body("{}").request(method, path).then().spec(problem(status, detail));
    }

    @Test
    void aSubscriptionToARuleTheClassifierDoesNotHaveIsRefusedNamingTheRulesItHas() {
        publishRuleCatalogue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api().body("""
                {"name": "typo", "channel": "email", "target": "a@example.com", "rules": ["cloud-pricng"]}""")
                .post("/subscriptions").then().spec(problem(400,
                        "rules: cloud-pricng not among the rules in force (v-test): ms-openai-amazon-dispute, cloud-pricing")));
        api().body("""
                {"name": "fine", "channel": "email", "target": "a@example.com", "rules": ["cloud-pricing"]}""")
                .post("/subscriptions").then().statusCode(201).body("missingRules", nullValue());
        given().get("/rules").then().statusCode(200).body("rulesVersion", equalTo("v-test"))
                .body("rules.id", equalTo(List.of("ms-openai-amazon-dispute", "cloud-pricing")));
    }

    @Test
    void aSubscriptionWhoseRuleIsGoneSaysSo() {
        publishRuleCatalogue();
        String id = UUID.randomUUID().toString();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.SUBSCRIPTIONS, id, """
                    {"id": "%s", "name": "old rule", "channel": "email", "target": "o@example.com",
                     "rules": ["retired-rule", "cloud-pricing"], "enabled": true, "origin": "api",
                     "createdAt": "2026-11-23T08:00:00Z", "updatedAt": "2026-11-23T08:00:00Z"}""".formatted(id)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api().get("/subscriptions/" + id).then().statusCode(200)
                .body("missingRules", equalTo(List.of("retired-rule"))));
    }

    private void publishRuleCatalogue() {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.RULES, "catalogue", """
                    {"rulesVersion": "v-test", "loadedAt": "2026-12-01T00:00:00Z", "rules": [
                      {"id": "ms-openai-amazon-dispute", "title": "Dispute", "groups": ["microsoft"]},
                      {"id": "cloud-pricing", "title": "Cloud prices", "groups": ["price"]}]}"""))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    @Test
    void aSubscriptionWrittenByAnotherInstanceIsSeenHere() {
        String id = UUID.randomUUID().toString();
        String json = """
                {"id": "%s", "name": "from elsewhere", "channel": "email", "target": "other@example.com", "rules": [],
                 "enabled": true, "origin": "api", "createdAt": "2026-11-23T08:00:00Z", "updatedAt": "2026-11-23T08:00:00Z"}"""
                .formatted(id);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.SUBSCRIPTIONS, id, json))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                api().get("/subscriptions/" + id).then().statusCode(200).body("name", equalTo("from elsewhere")));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/subscriptions")).body(containsString("bearer"));
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String webhook(String name, String url) {
        return "{\"name\": \"%s\", \"channel\": \"webhook\", \"target\": \"%s\"}".formatted(name, url);
    }

    private List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return TopicContents.readAll(bootstrapServers, Topics.SUBSCRIPTIONS).stream().filter(record -> key.equals(record.key())).toList();
    }
}
