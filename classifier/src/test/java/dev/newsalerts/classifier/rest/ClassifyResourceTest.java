package dev.newsalerts.classifier.rest;

import static dev.newsalerts.httpapi.ProblemAnswers.assertJsonTooDeepIsRefused;
import static dev.newsalerts.httpapi.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
class ClassifyResourceTest {

    @TestHTTPResource("/classify")
    URL classify;

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
    void theBundledRulesDoNotLookAtTheContentWhichTheAnswerGivesAsPlainText() {
        given().contentType(ContentType.JSON).body(Map.of("title", "Cloud deals under scrutiny", "summary", "Read the full story.",
                        "content", "<p>Microsoft threatens to sue OpenAI and Amazon over their cloud agreement.</p><p>AWS raises prices.</p>"))
                .post("/classify")
                .then().statusCode(200)
                .body("content", equalTo("Microsoft threatens to sue OpenAI and Amazon over their cloud agreement.\n\nAWS raises prices."))
                .body("matches", empty());
        given().contentType(ContentType.JSON).body("{\"title\": \"Apple unveils new iPhone colours\"}").post("/classify")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("content")));
    }

    @Test
    void aContentOverItsLimitIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("title", "Teaser", "content", "word ".repeat(20_001)))
                .post("/classify")
                .then().spec(problem(400, "content may have at most 100000 characters"));
        given().contentType(ContentType.JSON).body(Map.of("title", "Teaser", "content", "word ".repeat(20_000)))
                .post("/classify")
                .then().statusCode(200);
    }

    @Test
    void aStoryThatMatchesNothingGetsNoMatches() {
        given().contentType(ContentType.JSON).body("{\"title\": \"Apple unveils new iPhone colours\"}")
                .post("/classify")
                .then().statusCode(200).body("matches", empty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an empty request | {} | give a title, a summary or both",
            "no body | | give a title, a summary or both",
            "not JSON | {\"title\": | the request body is not valid JSON: Unexpected end-of-input",
            "an array for the body | [\"Microsoft\"] | the request body: expected an object, not an array",
            "an object for the title | {\"title\": {\"text\": \"Microsoft\"}} | title: expected a string, not an object",
            "an array for the summary | {\"summary\": [\"a\", \"b\"]} | summary: expected a string, not an array",
            "a content alone | {\"content\": \"Microsoft sues OpenAI\"} | give a title, a summary or both",
            "an object for the content | {\"title\": \"t\", \"content\": {\"text\": \"x\"}} | content: expected a string, not an object",
    })
    void aBadRequestIsAnsweredWithAProblemDocumentSayingWhatIsWrong(String what, String body, String detail) {
        given().contentType(ContentType.JSON).body(body == null ? "" : body).post("/classify")
                .then().spec(problem(400, detail)).body("title", equalTo("Bad Request"));
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedAndTheServiceAnswersOn() throws Exception {
        assertJsonTooDeepIsRefused(classify.toURI(), "\"title\":\"x\"");

        given().contentType(ContentType.JSON).body("{\"title\": \"Apple unveils new iPhone colours\"}").post("/classify")
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST | /rules/backtest?last=many | 400 | query parameter last: expected a whole number, not \"many\"",
            "GET | /rules/quality?days=0 | 400 | days must be a whole number from 1 to",
            "GET | /nowhere | 404 | nothing at /nowhere",
            "GET | /classify | 405 | GET is not allowed on /classify",
    })
    void everyOtherErrorIsAProblemDocumentToo(String method, String path, int status, String detail) {
        given().contentType("text/plain").body("rules: []").request(method, path).then().spec(problem(status, detail));
    }

    @Test
    void theRulesStatusNamesTheRulesInForce() {
        given().get("/rules/status").then().statusCode(200)
                .body("ruleIds", hasItem("cloud-pricing"))
                .body("origin", containsString("rules.yaml"));
    }
}
