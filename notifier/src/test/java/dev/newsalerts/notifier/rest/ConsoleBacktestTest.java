package dev.newsalerts.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.ClassifierStub;
import dev.newsalerts.notifier.FeedPollerStub;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's relay of a back-test to the classifier, against a stand-in classifier on loopback. */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
@WithTestResource(FeedPollerStub.class)
@WithTestResource(ClassifierStub.class)
class ConsoleBacktestTest {

    private static final String RULE = "id: dispute\nwithin: sentence\nall: [microsoft, openai, dispute]\n";

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @AfterEach
    void classifierBack() {
        ClassifierStub.answer = ClassifierStub.Answer.REPORT;
        ClassifierStub.up();
    }

    @Test
    void theCandidateGoesToTheClassifierAndItsReportComesBackWithTheReasons() {
        withToken().queryParam("last", 250).body(bytes(RULE)).post("/console/api/backtest").then()
                .statusCode(200)
                .body("storiesScanned", equalTo(1000))
                .body("candidateRules[0]", equalTo("dispute"))
                .body("added[0].title", equalTo(ClassifierStub.HOSTILE_TITLE))
                .body("added[0].why[0].scope", equalTo("sentence"))
                .body("added[0].why[0].terms[1].text", equalTo("sues"))
                .body("removed[0].whyBefore[0].scope", equalTo("story"));
        assertThat(ClassifierStub.lastBody).isEqualTo(RULE);
        assertThat(ClassifierStub.lastQuery).isEqualTo("last=250");
    }

    @Test
    void anInvalidCandidateIsABadRequestWithTheClassifiersMessage() {
        ClassifierStub.answer = ClassifierStub.Answer.INVALID;
        withToken().body(bytes("id: r\nall: [nowhere]\n")).post("/console/api/backtest").then()
                .statusCode(400).body("error", equalTo(ClassifierStub.INVALID_MESSAGE));
    }

    @Test
    void itNeedsTheApiToken() {
        given().contentType("application/yaml").body(bytes(RULE)).post("/console/api/backtest").then()
                .statusCode(401).body("error", containsString("Authorization: Bearer"));
        given().auth().oauth2("wrong").contentType("application/yaml").body(bytes(RULE)).post("/console/api/backtest").then()
                .statusCode(401);
    }

    @Test
    void aClassifierThatIsDownIsReportedUnreachableWithItsAddress() {
        ClassifierStub.down();
        withToken().body(bytes(RULE)).post("/console/api/backtest").then().statusCode(503)
                .body("error", equalTo("classifier unreachable at " + ClassifierStub.url() + "/rules/backtest: connection refused"));
    }

    @Test
    void aClassifierThatAnswersSomethingElseIsABadGatewaySayingSo() {
        ClassifierStub.answer = ClassifierStub.Answer.NOT_JSON;
        withToken().body(bytes(RULE)).post("/console/api/backtest").then().statusCode(502)
                .body("error", containsString("answered HTTP 500"));
    }

    @Test
    void anEmptyOrOversizedCandidateIsRefusedBeforeTheClassifierIsAsked() {
        ClassifierStub.lastBody = null;
        withToken().body(new byte[0]).post("/console/api/backtest").then().statusCode(400).body("error", containsString("paste a candidate"));
        withToken().body(bytes("#".repeat(256 * 1024 + 1))).post("/console/api/backtest").then().statusCode(413)
                .body("error", containsString("at most 262144"));
        assertThat(ClassifierStub.lastBody).isNull();
    }

    private RequestSpecification withToken() {
        return given().auth().oauth2(token).contentType("application/yaml");
    }

    @Test
    void theConsoleLinksTheTryARulePageWhichIsServedUnderTheConsolesPolicy() {
        given().get("/console/").then().statusCode(200).body(containsString("href=\"rules.html\""));
        given().get("/console/rules.html").then().statusCode(200)
                .body(containsString("<textarea id=\"candidate\""))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        given().get("/console/rules.js").then().statusCode(200).body(containsString("textContent"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
