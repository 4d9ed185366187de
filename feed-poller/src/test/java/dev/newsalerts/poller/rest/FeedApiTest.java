package dev.newsalerts.poller.rest;

import static dev.newsalerts.httpapi.ProblemAnswers.assertJsonTooDeepIsRefused;
import static dev.newsalerts.httpapi.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.poller.FeedServerResource;
import dev.newsalerts.poller.app.FeedCatalog;
import dev.newsalerts.poller.app.FeedPoller;
import dev.newsalerts.poller.app.PolledFeed;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(FeedServerResource.class)
class FeedApiTest {

    @Inject
    FeedCatalog catalog;

    @Inject
    FeedPoller poller;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/feeds")
    URL feeds;

    @AfterEach
    void removeTheFeedsAddedHere() {
        catalog.all().stream().filter(feed -> feed.origin() == PolledFeed.Origin.API).toList()
                .forEach(feed -> catalog.remove(feed.source().url()));
    }

    @Test
    void changingFeedsWithoutTheTokenIsRefusedSayingHow() {
        given().contentType("application/json").body(Map.of("url", FeedServerResource.extraFeedUrl("no-token.xml")))
                .post("/feeds").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("error", equalTo("send the API token as 'Authorization: Bearer <token>'"));
        authorized("wrong-token").delete("/feeds/0123456789ab").then().statusCode(401);
        given().get("/feeds").then().statusCode(200);
    }

    @Test
    void aFeedAddedThroughTheApiIsPolledAndKeptInKafka() throws Exception {
        String url = FeedServerResource.extraFeedUrl("added-" + UUID.randomUUID() + ".xml");

        String id = authorized().contentType("application/json")
                .body(Map.of("url", url, "name", "Added", "language", "en", "interval", "10m"))
                .post("/feeds").then().statusCode(201)
                .header("Location", containsString("/feeds/"))
                .body("url", equalTo(url)).body("origin", equalTo("API")).body("interval", equalTo("PT10M"))
                .extract().path("id");
        poller.pollAll();

        given().get("/feeds/" + id).then().statusCode(200)
                .body("name", equalTo("Added")).body("lastSuccessAt", notNullValue()).body("itemsSeen", equalTo(1));
        assertThat(lastRecord(url).value()).contains("\"interval\":\"PT10M\"").contains("\"language\":\"en\"");
    }

    @Test
    void aFeedThatMovedPermanentlyIsKeptAndPolledUnderItsNewUrlButNotOneThatMovedForNow() throws Exception {
        String name = "moving-" + UUID.randomUUID() + ".xml";
        String oldUrl = FeedServerResource.url("/moved/" + name);
        String newUrl = FeedServerResource.url("/extra/" + name);
        String forNowName = "visiting-" + UUID.randomUUID() + ".xml";
        String forNowUrl = FeedServerResource.url("/for-now/" + forNowName);
        authorized().contentType("application/json").body(Map.of("url", oldUrl, "name", "Moving")).post("/feeds").then().statusCode(201);
        authorized().contentType("application/json").body(Map.of("url", forNowUrl)).post("/feeds").then().statusCode(201);

        poller.pollAll();
        poller.pollAll();

        given().get("/feeds").then().body("url", not(hasItem(oldUrl))).body("url", hasItem(forNowUrl))
                .body("find { it.url == '%s' }.name".formatted(newUrl), equalTo("Moving"))
                .body("find { it.url == '%s' }.itemsSeen".formatted(newUrl), equalTo(1))
                .body("find { it.url == '%s' }.storiesPublished".formatted(newUrl), equalTo(1));
        assertThat(FeedServerResource.requests("/moved/" + name)).isEqualTo(1);
        assertThat(FeedServerResource.requests("/extra/" + name)).isEqualTo(2);
        assertThat(FeedServerResource.requests("/for-now/" + forNowName)).isEqualTo(2);
        assertThat(lastRecord(oldUrl).value()).isNull();
        assertThat(lastRecord(newUrl).value()).contains("\"name\":\"Moving\"");
        List<ConsumerRecord<String, String>> states = TopicContents.readAll(bootstrapServers, Topics.FEED_STATE);
        assertThat(states.stream().filter(record -> record.key().equals(oldUrl)).reduce((a, b) -> b).orElseThrow().value()).isNull();
        assertThat(states.stream().filter(record -> record.key().equals(newUrl)).reduce((a, b) -> b).orElseThrow().value())
                .contains("seenStoryIds");
    }

    @Test
    void aFeedRemovedThroughTheApiLeavesATombstone() throws Exception {
        String url = FeedServerResource.extraFeedUrl("removed-" + UUID.randomUUID() + ".xml");
        authorized().contentType("application/json").body(Map.of("url", url)).post("/feeds").then().statusCode(201);

        authorized().delete("/feeds/" + URLEncoder.encode(url, StandardCharsets.UTF_8)).then().statusCode(204);

        given().get("/feeds").then().body("url", not(hasItem(url)));
        assertThat(lastRecord(url).value()).isNull();
        authorized().delete("/feeds/" + URLEncoder.encode(url, StandardCharsets.UTF_8)).then().statusCode(404);
    }

    @Test
    void aFeedFromTheFeedsFileCannotBeRemovedOrAddedAgainThroughTheApi() {
        authorized().delete("/feeds/" + URLEncoder.encode(FeedServerResource.feedUrl(), StandardCharsets.UTF_8))
                .then().statusCode(409).body("error", containsString("comes from the feeds file"));
        authorized().contentType("application/json").body(Map.of("url", FeedServerResource.feedUrl()))
                .post("/feeds").then().statusCode(409).body("error", containsString("is already polled"));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        authorized().contentType("application/json").body(Map.of("url", "ftp://example.com/feed"))
                .post("/feeds").then().statusCode(400).body("error", equalTo("url must be an http or https URL with a host"));
        authorized().contentType("application/json").body(Map.of("url", "https://example.com/feed", "interval", "soon"))
                .post("/feeds").then().statusCode(400).body("error", containsString("'soon' is not an interval"));
        authorized().contentType("application/json").body(Map.of("url", "https://example.com/feed", "interval", "5s"))
                .post("/feeds").then().statusCode(400).body("error", equalTo("interval must be between 1m and 7d"));
        authorized().contentType("application/json").body(Map.of("url", "https://example.com/feed", "language", "<script>"))
                .post("/feeds").then().statusCode(400).body("error", containsString("language must be a language tag"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON | {\"url\": | the request body is not valid JSON: Unexpected end-of-input",
            "an array for the body | [\"https://example.com/feed\"] | the request body: expected an object, not an array",
            "an array for the URL | {\"url\": [\"https://example.com/feed\"]} | url: expected a string, not an array",
            "text for fullText | {\"url\": \"https://example.com/feed\", \"fullText\": \"maybe\"} | fullText: expected true or false",
            "no body | | send a JSON body such as",
            "not a feed URL | {\"url\": \"ftp://example.com/feed\"} | url must be an http or https URL with a host",
    })
    void badBodiesAreRefusedWithAProblemDocumentSayingWhatIsWrong(String what, String body, String detail) {
        authorized().contentType("application/json").body(body == null ? "" : body).post("/feeds").then()
                .spec(problem(400, detail)).body("title", equalTo("Bad Request"));
    }

    @Test
    void jsonNestedDeeperThanTheLimitIsRefusedAndTheServiceAnswersOn() throws Exception {
        assertJsonTooDeepIsRefused(feeds.toURI(), "\"url\":\"https://example.com/deep\"", "Authorization", "Bearer test-token");

        given().get("/feeds").then().statusCode(200);
        assertThat(catalog.find("https://example.com/deep")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET | /nowhere | 404 | nothing at /nowhere",
            "PUT | /feeds | 405 | PUT is not allowed on /feeds",
            "GET | /feeds/0123456789ab | 404 | no feed with id or URL 0123456789ab",
            "POST | /feeds | 415 | a body of type text/plain is not taken at /feeds",
    })
    void everyOtherErrorIsAProblemDocumentToo(String method, String path, int status, String detail) {
        authorized().contentType("text/plain").body("x").request(method, path).then().spec(problem(status, detail));
    }

    @Test
    void oneFeedSpelledSeveralWaysIsAddedOnceUnderItsNormalUrl() {
        String name = "spelled-" + UUID.randomUUID() + ".xml";
        String url = FeedServerResource.url("/extra/" + name);

        authorized().contentType("application/json").body(Map.of("url", url.replace("http://", "HTTP://") + "#latest"))
                .post("/feeds").then().statusCode(201).body("url", equalTo(url));
        for (String spelling : List.of(url, FeedServerResource.url("/extra/./" + name), FeedServerResource.url("/extra//" + name))) {
            authorized().contentType("application/json").body(Map.of("url", spelling))
                    .post("/feeds").then().statusCode(409).body(containsString("feed " + url + " is already polled (id "
                            + catalog.find(url).orElseThrow().source().id() + ", from the API)"));
        }

        assertThat(catalog.all()).filteredOn(feed -> feed.source().url().contains(name)).hasSize(1);
    }

    @Test
    void aFeedUrlWithAPasswordOrAShorthandPrivateAddressIsRefusedSayingWhy() {
        authorized().contentType("application/json").body(Map.of("url", "https://reader:hunter2@example.com/feed"))
                .post("/feeds").then().statusCode(400).body(containsString("url must not contain a user name or password"
                        + " (user:password@): feeds and hubs are reached without one, and GET /feeds shows every feed's URL to anyone"));
        authorized().contentType("application/json").body(Map.of("url", "http://10.1/feed"))
                .post("/feeds").then().statusCode(400).body(containsString("10.0.0.1 resolves to 10.0.0.1, a private address;"
                        + " only public addresses may be reached (see poller.fetch.allowed-networks)"));
        given().get("/feeds").then().body(not(containsString("hunter2"))).body(not(containsString("10.0.0.1")));
    }

    @Test
    void feedsOnInternalAddressesAreRefusedThroughTheApiAndOpml() {
        authorized().contentType("application/json").body(Map.of("url", "http://169.254.169.254/latest/meta-data/"))
                .post("/feeds").then().statusCode(400)
                .body("error", equalTo("169.254.169.254 resolves to 169.254.169.254, a cloud metadata address;"
                        + " only public addresses may be reached (see poller.fetch.allowed-networks)"));
        authorized().contentType("application/json").body(Map.of("url", "http://[::ffff:10.0.0.1]/feed"))
                .post("/feeds").then().statusCode(400).body("error", equalTo("[::ffff:10.0.0.1] resolves to 10.0.0.1, a private address;"
                        + " only public addresses may be reached (see poller.fetch.allowed-networks)"));
        authorized().contentType("text/x-opml").body("""
                <opml version="2.0"><body>
                  <outline type="rss" text="Router" xmlUrl="http://192.168.1.1/feed"/>
                  <outline type="rss" text="CGNAT" xmlUrl="http://100.64.0.1/feed"/>
                </body></opml>""").post("/feeds/opml").then().statusCode(200)
                .body("added", hasSize(0))
                .body("skipped.reason", equalTo(List.of(
                        "192.168.1.1 resolves to 192.168.1.1, a private address; only public addresses may be reached"
                                + " (see poller.fetch.allowed-networks)",
                        "100.64.0.1 resolves to 100.64.0.1, a carrier-grade NAT address; only public addresses may be reached"
                                + " (see poller.fetch.allowed-networks)")));
        given().get("/feeds").then().body("url", not(hasItem("http://192.168.1.1/feed")));
    }

    @Test
    void anOpmlListAddsItsFeedsAndSaysWhichItSkipped() {
        String a = FeedServerResource.extraFeedUrl("opml-a-" + UUID.randomUUID() + ".xml");
        String b = FeedServerResource.extraFeedUrl("opml-b-" + UUID.randomUUID() + ".xml");
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>My feeds</title></head><body>
                  <outline text="Tech">
                    <outline type="rss" text="Feed A" title="Feed A" xmlUrl="%s"/>
                    <outline text="Deeper"><outline type="rss" text="Feed B" xmlUrl="%s" language="zh-cn"/></outline>
                  </outline>
                  <outline type="rss" text="Not http" xmlUrl="gopher://example.com/feed"/>
                  <outline type="rss" text="Already there" xmlUrl="%s"/>
                </body></opml>""".formatted(a, b, FeedServerResource.feedUrl());

        authorized().contentType("text/x-opml").body(opml).post("/feeds/opml").then().statusCode(200)
                .body("added.url", equalTo(List.of(a, b)))
                .body("added[1].language", equalTo("zh-cn"))
                .body("skipped", hasSize(2))
                .body("skipped[0].reason", containsString("http or https"))
                .body("skipped[1].reason", containsString("already polled"));
        given().get("/feeds").then().body("url", hasItem(a)).body("find { it.url == '%s' }.name".formatted(a), equalTo("Feed A"));
    }

    @Test
    void anOpmlDocumentThatIsBrokenHostileOrNotOpmlIsRefusedSayingWhy() {
        authorized().contentType("text/x-opml").body("<opml version=\"2.0\"><body><outline").post("/feeds/opml")
                .then().statusCode(400).body("error", containsString("not well-formed XML"));
        authorized().contentType("text/x-opml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://example.com/f\"/></body></opml>")
                .post("/feeds/opml").then().statusCode(400).body("error", equalTo("not well-formed XML: DOCTYPE declarations are refused"));
        authorized().contentType("text/xml").body("<html><body>hi</body></html>").post("/feeds/opml")
                .then().statusCode(400).body("error", equalTo("not an OPML document: the root element is <html>, not <opml>"));
        authorized().contentType("text/x-opml").body("<opml version=\"2.0\"><head/><body/></opml>").post("/feeds/opml")
                .then().statusCode(400).body("error", containsString("names no feed"));
    }

    @Test
    void aFeedWrittenToTheTopicByAnotherInstanceOrAnEarlierRunIsPolledTooUnlessItIsInvalid() throws Exception {
        String url = FeedServerResource.extraFeedUrl("from-topic-" + UUID.randomUUID() + ".xml");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.FEEDS, "file:///etc/passwd", "{\"url\":\"file:///etc/passwd\"}")).get();
            producer.send(new ProducerRecord<>(Topics.FEEDS, url, "{\"url\":\"" + url + "\",\"name\":\"From the topic\"}")).get();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/feeds").then()
                    .body("find { it.url == '%s' }.origin".formatted(url), equalTo("API")));
            given().get("/feeds").then().body("url", not(hasItem("file:///etc/passwd")));

            producer.send(new ProducerRecord<>(Topics.FEEDS, url, null)).get();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/feeds").then().body("url", not(hasItem(url))));
        }
    }

    @Test
    void theApiIsDescribedInOpenApiWithASwaggerPage() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/feeds/opml"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static RequestSpecification authorized() {
        return authorized("test-token");
    }

    private static RequestSpecification authorized(String token) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token);
    }

    private ConsumerRecord<String, String> lastRecord(String url) {
        return TopicContents.readAll(bootstrapServers, Topics.FEEDS).stream().filter(record -> url.equals(record.key()))
                .reduce((first, second) -> second).orElseThrow();
    }
}
