package dev.newsalerts.notifier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.ClassifierStub;
import dev.newsalerts.notifier.FeedPollerStub;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's "Try a rule" page in a real browser (Debian's headless chromium), against the
 * notifier and a stand-in classifier on loopback. Skipped, saying why, where chromium is not installed.
 */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
@WithTestResource(FeedPollerStub.class)
@WithTestResource(ClassifierStub.class)
class ConsoleRulesPageTest {

    private static final Path OUTPUT = Path.of("target/console-test");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RULE = "id: dispute\nwithin: sentence\nall: [microsoft, openai, dispute]";
    private static HeadlessChromium chromium;

    @TestHTTPResource("/console/rules.html")
    URL page;

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @BeforeAll
    static void startChromium() throws Exception {
        assumeTrue(HeadlessChromium.executable().isPresent(),
                "chromium is not installed (Debian: apt-get install chromium; .ci/run installs it): the console is not checked");
        chromium = HeadlessChromium.start(OUTPUT.resolve("chromium-rules.log"));
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void classifierBack() {
        ClassifierStub.answer = ClassifierStub.Answer.REPORT;
        ClassifierStub.up();
    }

    @Test
    void aPastedRuleIsBackTestedAndEachStoryShowsItsRulesAndTheDecidingTermsMarkedInTheirSentence() throws IOException {
        openWithoutToken();
        assertThat(chromium.evaluate("document.getElementById('candidate').value").asText())
                .as("an example to start from").contains("within: sentence", "fields: [lead]", "mentions:");
        chromium.typeAndPressEnter("#token-input", token);
        paste(RULE);
        chromium.evaluate("document.getElementById('run').click()");

        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#results")).contains(ClassifierStub.HOSTILE_TITLE));
        assertThat(ClassifierStub.lastBody).isEqualTo(RULE + "\n");
        assertThat(ClassifierStub.lastQuery).isEqualTo("last=1000");
        assertThat(chromium.text("#summary")).contains("1000 stories scanned", "7 alert now", "7 would alert");
        assertThat(chromium.text("#results-scope")).contains("dispute against the same rule in force");

        String started = "document.querySelector('#started [data-story-id=\"s-suit\"]')";
        assertThat(chromium.evaluate(started + ".innerText").asText())
                .contains("no alert → dispute", "Microsoft–OpenAI dispute", "in one sentence", "sue~");
        assertThat(chromium.evaluate("[..." + started + ".querySelectorAll('blockquote.passage mark')].map(m => m.textContent).join('|')")
                .asText()).as("the deciding terms, marked in their sentence").isEqualTo("Microsoft|sues|OpenAI");
        assertThat(chromium.evaluate(started + ".querySelector('a').href").asText()).isEqualTo("https://news.example.com/suit");

        String stopped = "document.querySelector('#stopped [data-story-id=\"s-digest\"]')";
        assertThat(chromium.evaluate(stopped + ".innerText").asText())
                .contains(ClassifierStub.STOPPED_TITLE, "dispute → no alert", "Why it alerts now", "anywhere in its fields");
        assertThat(chromium.evaluate("[..." + stopped + ".querySelectorAll('mark')].map(m => m.textContent).join('|')").asText())
                .isEqualTo("Microsoft|OpenAI");
        assertThat(chromium.text("#would-alert")).contains(ClassifierStub.HOSTILE_TITLE);
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("try-a-rule.png"), chromium.screenshot());

        assertThat(chromium.evaluate("document.querySelectorAll('main img, main script, main svg').length").asInt())
                .as("titles are shown as text, no element made of them").isZero();
        assertThat(chromium.evaluate("document.querySelectorAll('main a[href^=\"javascript\"]').length").asInt())
                .as("no javascript: link").isZero();
        assertThat(chromium.requestedUrls()).as("the token is never in a URL").noneMatch(url -> url.contains(token));
        assertThat(chromium.dialogs()).isEmpty();
        assertThat(chromium.exceptions()).isEmpty();
    }

    @Test
    void anInvalidRuleOrAClassifierThatIsDownIsSaidInWordsAndWithoutTheTokenItAsksForIt() {
        openWithoutToken();
        chromium.evaluate("document.getElementById('run').click()");
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#run-status")).contains("Enter the API token"));

        chromium.typeAndPressEnter("#token-input", token);
        ClassifierStub.answer = ClassifierStub.Answer.INVALID;
        chromium.evaluate("document.getElementById('run').click()");
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#run-status"))
                .isEqualTo("The candidate is not valid: " + ClassifierStub.INVALID_MESSAGE));

        ClassifierStub.down();
        chromium.evaluate("document.getElementById('run').click()");
        await().atMost(WAIT).untilAsserted(() -> assertThat(chromium.text("#run-status"))
                .contains("The back-test could not run: classifier unreachable at " + ClassifierStub.url()));
        assertThat(chromium.exceptions()).isEmpty();
    }

    private void openWithoutToken() {
        chromium.open(page.toString());
        chromium.evaluate("sessionStorage.clear()");
        chromium.open(page + "?fresh");
    }

    private void paste(String text) {
        chromium.evaluate("document.getElementById('candidate').select()");
        chromium.typeAndPressEnter("#candidate", text);
    }
}
