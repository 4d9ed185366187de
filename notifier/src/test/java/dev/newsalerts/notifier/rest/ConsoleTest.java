package dev.newsalerts.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.FeedPollerStub;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real browser (Debian's headless chromium over the DevTools protocol) against
 * the notifier with a real broker, a real webhook receiver and a stand-in feed-poller on loopback.
 * Skipped, saying why, where chromium is not installed.
 */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
@WithTestResource(FeedPollerStub.class)
class ConsoleTest {

    private static final Path OUTPUT = Path.of("target/console-test");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static HeadlessChromium chromium;

    @TestHTTPResource("/console/")
    URL console;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @BeforeAll
    static void startChromium() throws Exception {
        assumeTrue(HeadlessChromium.executable().isPresent(),
                "chromium is not installed (Debian: apt-get install chromium; .ci/run installs it): the console is not checked");
        chromium = HeadlessChromium.start(OUTPUT.resolve("chromium.log"));
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void feedPollerBack() {
        FeedPollerStub.up();
    }

    @Test
    void anAlertPublishedWhileThePageIsOpenShowsUpWithTheRulesAndTermsThatMatchedAndTheFeedsHealthShowsToo() {
        chromium.open(console.toString());
        ObjectNode alert = TestAlerts.alert("Microsoft weighs legal action over OpenAI's deal " + UUID.randomUUID());
        String title = alert.get("story").get("title").asText();
        for (JsonNode term : alert.get("matches").get(0).get("terms")) {
            int start = title.indexOf(term.get("term").asText());
            ((ObjectNode) term).put("start", start).put("end", start + term.get("term").asText().length());
        }
        TestAlerts.publish(bootstrapServers, alert);

        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#alerts")).contains(title));
        String card = "document.querySelector('[data-alert-id=\"" + alert.get("alertId").asText() + "\"]')";
        assertThat(chromium.evaluate(card + ".innerText").asText())
                .contains("Example Tech News", "Microsoft–OpenAI–Amazon cloud dispute", "ms-openai-amazon-dispute",
                        "score 1.00", "Microsoft in title", "legal action in title");
        assertThat(chromium.evaluate("[..." + card + ".querySelectorAll('.alert-title mark')].map(m => m.textContent).join('|')")
                .asText()).as("the matched words, marked in the title").isEqualTo("Microsoft|legal action");
        assertThat(chromium.evaluate(card + ".querySelector('.alert-title a').href").asText())
                .isEqualTo(alert.get("story").get("link").asText());

        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#feeds"))
                .contains(FeedPollerStub.HEALTHY_FEED, "ok", FeedPollerStub.FAILING_FEED, "failing (4×)",
                        FeedPollerStub.FAILING_ERROR));
        assertThat(chromium.text("#subscriptions-status")).contains("Enter the API token");
        assertThat(chromium.text("#rules-in-force")).as("the rules a subscription can name, or that none are known yet")
                .containsAnyOf("Rules in force", "has not published its rules yet").doesNotContain("[object");
        assertThat(chromium.evaluate("getComputedStyle(document.getElementById('token-bar')).display").asText())
                .as("no 'Forget token' without a token").isEqualTo("none");
        assertThat(chromium.dialogs()).isEmpty();
        assertThat(chromium.exceptions()).isEmpty();
    }

    @Test
    void withTheTokenTypedInItShowsEachSubscriptionWithItsStateAndItsDeliveryLog() throws IOException {
        String path = WebhookReceiverResource.url() + "/" + UUID.randomUUID();
        String hook = subscribe("console hook " + UUID.randomUUID(), path + "/console");
        String gone = subscribe("console gone " + UUID.randomUUID(), path + "/gone");
        ObjectNode alert = TestAlerts.alert("Amazon answers Microsoft over OpenAI " + UUID.randomUUID());
        String title = alert.get("story").get("title").asText();
        TestAlerts.publish(bootstrapServers, alert);
        await().atMost(WAIT).until(() -> given().auth().oauth2(token).get("/subscriptions/" + gone).path("enabled").equals(false));

        chromium.open(console + "#subscription=" + hook);
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#subscriptions-status")).contains("Enter the API token"));
        chromium.typeAndPressEnter("#token-input", token);

        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#log"))
                .contains(title, "delivered", "1 attempt", "#1", "HTTP 204", " ms"));
        String goneRow = "document.querySelector('[data-subscription-id=\"" + gone + "\"]')";
        assertThat(chromium.evaluate(goneRow + ".innerText").asText()).contains("console gone", "disabled", "410");
        assertThat(chromium.evaluate("document.querySelector('[data-subscription-id=\"" + hook + "\"]').innerText").asText())
                .contains("console hook", "enabled", "all rules");
        Files.write(OUTPUT.resolve("console.png"), chromium.screenshot());

        chromium.evaluate(goneRow + ".click()");
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#log")).contains(title, "gone", "HTTP 410"));

        chromium.evaluate(goneRow + ".querySelector('[data-action=enable]').click()");
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#action-outcome"))
                .contains("Enabled", "console gone", "1 missed delivery tried again"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().auth().oauth2(token).get("/subscriptions/" + gone + "/deliveries")
                .<Integer>path("[0].attempts.size()")).as("the replayed delivery was attempted again").isEqualTo(2));
        String hookRow = "document.querySelector('[data-subscription-id=\"" + hook + "\"]')";
        chromium.evaluate(hookRow + ".querySelector('[data-action=rotate-secret]').click()");
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#action-outcome .secret")).startsWith("whsec_"));
        assertThat(chromium.text("#action-outcome")).contains("console hook", "shown only now", "previous secret");
        assertThat(given().auth().oauth2(token).get("/subscriptions/" + hook).<String>path("secretRotatedAt")).isNotBlank();
        chromium.evaluate("document.getElementById('dismiss-outcome').click()");
        assertThat(chromium.text("#action-outcome")).isEmpty();

        List<String> requested = chromium.requestedUrls();
        assertThat(requested).anyMatch(url -> url.contains("/subscriptions/" + gone + "/deliveries"));
        assertThat(requested).as("the token is never in a URL").noneMatch(url -> url.contains(token));
        chromium.evaluate("document.getElementById('forget-token').click()");
        assertThat(chromium.evaluate("sessionStorage.length").asInt()).isZero();
        assertThat(chromium.text("#log")).doesNotContain(title);
    }

    @Test
    void withTheTokenAReaderMarksAnAlertRelevantAndTheVerdictGoesToKafkaWithTheStoryAndShowsOnTheCard() throws Exception {
        ObjectNode alert = TestAlerts.alert("Microsoft sues over OpenAI cloud deal " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        String card = "document.querySelector('[data-alert-id=\"" + alertId + "\"]')";
        TestAlerts.publish(bootstrapServers, alert);
        chromium.open(console.toString());
        chromium.evaluate("sessionStorage.clear()");
        chromium.open(console.toString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#alerts")).contains(title(alert)));
        assertThat(chromium.evaluate(card + ".querySelector('.feedback').innerText").asText())
                .contains("none yet", "enter the API token");
        assertThat(chromium.evaluate(card + ".querySelectorAll('button.verdict').length").asInt()).as("no buttons without the token").isZero();

        chromium.typeAndPressEnter("#token-input", token);
        await().atMost(WAIT).until(() -> chromium.evaluate(card + "?.querySelectorAll('button.verdict').length").asInt() == 2);
        chromium.evaluate(card + ".querySelector('button[data-verdict=\"relevant\"]').click()");

        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.evaluate(card + ".querySelector('.verdict-now').innerText")
                .asText()).contains("relevant", "via console"));
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> written = dev.newsalerts.localkafka.TopicContents
                .readAll(bootstrapServers, dev.newsalerts.kafka.Topics.FEEDBACK).stream().filter(r -> alertId.equals(r.key())).toList();
        assertThat(written).singleElement().satisfies(record -> assertThat(record.value())
                .contains("\"verdict\":\"relevant\"", "\"via\":\"console\"", title(alert)));
        assertThat(chromium.evaluate(card + ".querySelector('button[data-verdict=\"relevant\"]').getAttribute('aria-pressed')")
                .asText()).isEqualTo("true");
        assertThat(chromium.requestedUrls()).as("the token is never in a URL").noneMatch(url -> url.contains(token));
        Files.write(OUTPUT.resolve("console-feedback.png"), chromium.screenshot());
        chromium.evaluate("document.getElementById('forget-token').click()");
        assertThat(chromium.dialogs()).isEmpty();
        assertThat(chromium.exceptions()).isEmpty();
    }

    private static String title(ObjectNode alert) {
        return alert.get("story").get("title").asText();
    }

    @Test
    void storyTextIsShownAsTextAndNeverRunsAsHtml() {
        chromium.open(console.toString());
        String hostile = "<img src=x onerror=alert(1)> " + UUID.randomUUID();
        ObjectNode alert = TestAlerts.alert(hostile);
        ((ObjectNode) alert.get("story")).put("summary", "<script>alert(2)</script><b>bold</b> & more")
                .put("link", "javascript:alert(3)").put("feedTitle", "<svg onload=alert(4)>");
        TestAlerts.publish(bootstrapServers, alert);

        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#alerts")).contains(hostile));
        assertThat(chromium.text("#alerts")).contains("<script>alert(2)</script><b>bold</b> & more", "<svg onload=alert(4)>");
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#feeds")).contains(FeedPollerStub.FAILING_ERROR));
        assertThat(chromium.evaluate("document.querySelectorAll('main img, main script, main svg, main b').length").asInt())
                .as("no element made of story or feed text").isZero();
        assertThat(chromium.evaluate("document.querySelectorAll('main a[href^=\"javascript\"]').length").asInt())
                .as("no javascript: link").isZero();
        assertThat(chromium.evaluate("document.querySelectorAll('[data-alert-id=\"" + alert.get("alertId").asText()
                + "\"] mark').length").asInt()).as("no mark where the title does not hold the term").isZero();
        assertThat(chromium.dialogs()).isEmpty();
        assertThat(chromium.exceptions()).isEmpty();
    }

    @Test
    void oneEventFromTwoOutletsShowsOnceWithTheOtherOutletUnderItAndNoBidiOverride() {
        chromium.open(console.toString());
        String event = UUID.randomUUID().toString();
        ObjectNode first = TestAlerts.alert("AWS cuts S3 prices " + event);
        ObjectNode copy = TestAlerts.alert("AWS cuts S3 prices \u202Ereversed " + event);
        String headId = first.get("story").get("storyId").asText();
        ((ObjectNode) copy.get("story")).put("feedTitle", "Daily Wire");
        first.putObject("cluster").put("clusterId", headId).put("headStoryId", headId).put("head", true).put("similarity", 1.0)
                .put("outlets", 1).put("explanation", "new head").putArray("headRules").add("ms-openai-amazon-dispute");
        copy.putObject("cluster").put("clusterId", headId).put("headStoryId", headId).put("head", false).put("similarity", 0.83)
                .put("outlets", 2).put("explanation", "joined " + headId + " at similarity 0.83")
                .putArray("headRules").add("ms-openai-amazon-dispute");
        TestAlerts.publish(bootstrapServers, first);
        TestAlerts.publish(bootstrapServers, copy);

        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#alerts")).contains("Daily Wire"));
        assertThat(chromium.evaluate("document.querySelectorAll('article.alert[data-alert-id=\"" + copy.get("alertId").asText()
                + "\"]').length").asInt()).as("the copy has no card of its own").isZero();
        String card = "document.querySelector('[data-alert-id=\"" + first.get("alertId").asText() + "\"]')";
        assertThat(chromium.evaluate(card + ".innerText").asText())
                .contains("Also reported (2 outlets in all)", "Daily Wire", "similarity 0.83", "AWS cuts S3 prices reversed " + event)
                .doesNotContain("\u202E");
        assertThat(chromium.exceptions()).isEmpty();
    }

    @Test
    void whileTheFeedPollerIsDownThePageSaysItIsUnreachableAndRecoversWhenItIsBack() {
        FeedPollerStub.down();
        chromium.open(console.toString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#feeds-status"))
                .contains("feed-poller unreachable", "connection refused"));
        assertThat(chromium.text("#feeds")).contains("feed health is unknown").doesNotContain(FeedPollerStub.HEALTHY_FEED);

        FeedPollerStub.up();
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#feeds")).contains(FeedPollerStub.HEALTHY_FEED));
        assertThat(chromium.text("#feeds-status")).isEmpty();
    }

    private String subscribe(String name, String target) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"channel\": \"webhook\", \"target\": \"%s\"}".formatted(name, target))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
    }
}
