package dev.newsalerts.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(RuleFileResource.class)
class RulesHotReloadTest {

    private static final String ZEBRA_RULE = """

              - id: zebras
                title: Zebra sightings
                all: [zebra]
            """;

    @BeforeEach
    void startFromTheBundledRules() throws Exception {
        Files.writeString(RuleFileResource.file(), RuleFileResource.bundledRules());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/rules/status").then()
                .body("ruleIds", not(hasItem("zebras"))).body("lastError", nullValue()));
    }

    @Test
    void anEditedRuleFileTakesEffectWithoutARestart() throws Exception {
        Files.writeString(RuleFileResource.file(), withZebras(RuleFileResource.bundledRules()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> classify("A zebra escapes the zoo")
                .body("matches.ruleId", hasItem("zebras")));
        given().get("/rules/status").then().body("ruleIds", hasItem("zebras")).body("lastError", nullValue());
    }

    @Test
    void aBrokenRuleFileIsRefusedWithItsLineAndTheRulesInForceStay() throws Exception {
        String versionBefore = given().get("/rules/status").then().extract().path("version");
        Files.writeString(RuleFileResource.file(), withZebras(RuleFileResource.bundledRules()).replace("all: [zebra]", "all: [zebra, unicorn]"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/rules/status").then()
                .body("lastError", containsString("rule 'zebras': unknown group 'unicorn'"))
                .body("lastError", containsString(" line "))
                .body("version", org.hamcrest.Matchers.equalTo(versionBefore)));
        classify("AWS raises prices of EC2 GPU instances").body("matches.ruleId", hasItem("cloud-pricing"));
        given().get("/q/metrics").then().body(containsString("classifier_rules_valid 0.0"))
                .body(containsString("classifier_rules_reload_failures_total"));

        Files.writeString(RuleFileResource.file(), withZebras(RuleFileResource.bundledRules()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/rules/status").then()
                .body("ruleIds", hasItem("zebras")).body("lastError", nullValue()));
    }

    @Test
    void aRuleThatNamesContentFiresOnTheContentOfADryRun() throws Exception {
        Files.writeString(RuleFileResource.file(), RuleFileResource.bundledRules().replace("groups:\n", "groups:\n  zebra: [zebra]\n") + """

                  - id: zebras-in-the-article
                    fields: [title, summary, content]
                    within: sentence
                    all: [zebra]
                """);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/rules/status").then()
                .body("ruleIds", hasItem("zebras-in-the-article")).body("lastError", nullValue()));

        given().contentType(ContentType.JSON)
                .body(java.util.Map.of("title", "Escape at the zoo", "summary", "Keepers were surprised.",
                        "content", "<p>It happened at noon.</p><p>A <b>zebra</b> walked out of the open gate.</p>"))
                .post("/classify").then().statusCode(200)
                .body("matches.ruleId", org.hamcrest.Matchers.contains("zebras-in-the-article"))
                .body("matches[0].terms[0].field", org.hamcrest.Matchers.equalTo("content"))
                .body("matches[0].terms[0].start", org.hamcrest.Matchers.equalTo(24))
                .body("matches[0].within.field", org.hamcrest.Matchers.equalTo("content"))
                .body("content", org.hamcrest.Matchers.equalTo("It happened at noon.\n\nA zebra walked out of the open gate."));
        given().contentType(ContentType.JSON).body("{\"title\": \"Escape at the zoo\", \"summary\": \"Keepers were surprised.\"}")
                .post("/classify").then().statusCode(200).body("matches", org.hamcrest.Matchers.empty());
    }

    private static String withZebras(String rules) {
        return rules.replace("groups:\n", "groups:\n  zebra: [zebra]\n") + ZEBRA_RULE;
    }

    private static io.restassured.response.ValidatableResponse classify(String title) {
        return given().contentType(ContentType.JSON).body("{\"title\": \"" + title + "\"}").post("/classify").then().statusCode(200);
    }
}
