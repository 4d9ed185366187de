package dev.newsalerts.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
class ClassifyResourceTest {

    @Test
    void aDryRunSaysWhichRulesFireAndWhy() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"Microsoft weighs legal action over OpenAI's Amazon deal\", \"summary\": \"\"}")
                .post("/classify")
                .then().statusCode(200)
                .body("rulesVersion", notNullValue())
                .body("matches.ruleId", hasItem("ms-openai-amazon-dispute"))
                .body("matches[0].terms.find { it.term == 'Microsoft' }.field", equalTo("title"))
                .body("matches[0].terms.find { it.term == 'Microsoft' }.start", equalTo(0))
                .body("matches[0].terms.find { it.term == 'Microsoft' }.end", equalTo(9));
    }

    @Test
    void aDryRunSaysInWhichSentenceOfThePlainTextARuleHeld() {
        given().contentType(ContentType.JSON).body("{\"title\": \"<b>AWS</b> raises prices of EC2 GPU instances\"}")
                .post("/classify")
                .then().statusCode(200)
                .body("title", equalTo("AWS raises prices of EC2 GPU instances"))
                .body("matches.find { it.ruleId == 'cloud-pricing' }.within.scope", equalTo("sentence"))
                .body("matches.find { it.ruleId == 'cloud-pricing' }.within.field", equalTo("title"))
                .body("matches.find { it.ruleId == 'cloud-pricing' }.within.start", equalTo(0))
                .body("matches.find { it.ruleId == 'cloud-pricing' }.within.end", equalTo(38))
                .body("matches.find { it.ruleId == 'ms-openai-amazon-dispute' }", nullValue());
    }

    @Test
    void aDigestsItemsAreSeparateSentencesSoFirmsInDifferentItemsDoNotAddUp() {
        String digest = "<ul><li>Microsoft reshuffles its Azure sales teams</li><li>OpenAI names a new research chief</li>"
                + "<li>Amazon sued over warehouse injuries</li></ul><p>More tomorrow.</p>";
        given().contentType(ContentType.JSON).body(Map.of("title", "Tech morning brief", "summary", digest))
                .post("/classify")
                .then().statusCode(200)
                .body("summary", equalTo("Microsoft reshuffles its Azure sales teams\nOpenAI names a new research chief\n"
                        + "Amazon sued over warehouse injuries\n\nMore tomorrow."))
                .body("matches", empty());
        given().contentType(ContentType.JSON).body(Map.of("title", "Tech morning brief",
                        "summary", "<p>Microsoft threatens to sue OpenAI and Amazon over their cloud agreement.</p>"))
                .post("/classify")
                .then().statusCode(200)
                .body("matches.ruleId", hasItem("ms-openai-amazon-dispute"));
    }

    @Test
    void aStoryThatMatchesNothingGetsNoMatches() {
        given().contentType(ContentType.JSON).body("{\"title\": \"Apple unveils new iPhone colours\"}")
                .post("/classify")
                .then().statusCode(200).body("matches", empty());
    }

    @Test
    void anEmptyRequestIsABadRequest() {
        given().contentType(ContentType.JSON).body("{}").post("/classify").then().statusCode(400);
    }

    @Test
    void theRulesStatusNamesTheRulesInForce() {
        given().get("/rules/status").then().statusCode(200)
                .body("ruleIds", hasItem("cloud-pricing"))
                .body("origin", containsString("rules.yaml"));
    }
}
