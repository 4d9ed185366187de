package dev.newsalerts.notifier.rest;

import static dev.newsalerts.httpapi.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.SetApartNotifier;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Without notifier.secrets.key, no webhook secret is stored (it would be in plain text); everything else works. */
@QuarkusTest
@TestProfile(SetApartNotifier.class)
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class WithoutSecretsKeyTest {

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @Test
    void aWebhookSubscriptionIsRefusedNamingTheMissingSettingAndNothingIsSaved() {
        api().body("{\"name\": \"no key\", \"channel\": \"webhook\", \"target\": \"%s\"}"
                .formatted(WebhookReceiverResource.url() + "/no-key")).post("/subscriptions")
                .then().spec(problem(503, "notifier.secrets.key is not set"));

        api().get("/subscriptions").then().statusCode(200).body("name", not(hasItem("no key")));
    }

    @Test
    void anEmailSubscriptionIsMadeAsUsual() {
        api().body("{\"name\": \"inbox without key\", \"channel\": \"email\", \"target\": \"r@example.com\"}")
                .post("/subscriptions").then().statusCode(201).body("name", equalTo("inbox without key"));
    }

    private RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
