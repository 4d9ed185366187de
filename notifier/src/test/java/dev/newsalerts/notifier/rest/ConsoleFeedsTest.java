package dev.newsalerts.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.FeedPollerStub;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console's page and its relay of the feed-poller's feeds, against a stand-in feed-poller on loopback. */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
@WithTestResource(FeedPollerStub.class)
class ConsoleFeedsTest {

    @AfterEach
    void feedPollerBack() {
        FeedPollerStub.answer = FeedPollerStub.Answer.FEEDS;
        FeedPollerStub.up();
    }

    @Test
    void theFeedPollersFeedsAreRelayedWithTheirHealth() {
        given().get("/console/api/feeds").then().statusCode(200)
                .body("source", containsString("/feeds"))
                .body("feeds", hasSize(2))
                .body("feeds[0].name", equalTo(FeedPollerStub.HEALTHY_FEED))
                .body("feeds[1].lastError", equalTo(FeedPollerStub.FAILING_ERROR))
                .body("feeds[1].consecutiveFailures", equalTo(4));
    }

    @Test
    void aFeedPollerThatRefusesConnectionsIsReportedUnreachable() {
        FeedPollerStub.down();
        given().get("/console/api/feeds").then().statusCode(502)
                .body("error", containsString("feed-poller unreachable at http://127.0.0.1:"))
                .body("error", containsString("/feeds: connection refused"));
    }

    @Test
    void aFeedPollerThatAnswersAnErrorOrTooMuchIsReportedSo() {
        FeedPollerStub.answer = FeedPollerStub.Answer.HTTP_503;
        given().get("/console/api/feeds").then().statusCode(502).body("error", containsString("answered HTTP 503"));
        FeedPollerStub.answer = FeedPollerStub.Answer.TOO_BIG;
        given().get("/console/api/feeds").then().statusCode(502)
                .body("error", containsString("answered more than 65536 bytes (notifier.console.feed-poller-max-size)"));
    }

    @Test
    void thePageIsServedWithAPolicyThatLetsOnlyItsOwnFilesRun() {
        given().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<title>news-alerts console</title>"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/console/console.js").then().statusCode(200).body(containsString("textContent"));
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", endsWith("console/"));
    }

    @Test
    void browsersRevalidateTheConsoleSoAnUpgradeReachesThem() {
        for (String file : new String[] {"/console/", "/console/console.js", "/console/console.css", "/console/rules.js"}) {
            String etag = given().get(file).then().statusCode(200)
                    .header("Cache-Control", equalTo("no-cache"))
                    .header("ETag", startsWith("\""))
                    .extract().header("ETag");

            given().header("If-None-Match", etag).get(file).then().statusCode(304).header("ETag", equalTo(etag));
            given().header("If-None-Match", "\"an-older-console\"").get(file).then().statusCode(200);
        }
        assertThat(given().get("/console/console.js").header("ETag")).isNotEqualTo(given().get("/console/rules.js").header("ETag"));
    }
}
