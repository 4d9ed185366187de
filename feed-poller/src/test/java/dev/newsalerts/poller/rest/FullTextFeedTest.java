package dev.newsalerts.poller.rest;

import static dev.newsalerts.poller.LoopbackServer.respond;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.poller.FeedServerResource;
import dev.newsalerts.poller.LoopbackServer;
import dev.newsalerts.poller.app.FeedCatalog;
import dev.newsalerts.poller.app.FeedPoller;
import dev.newsalerts.poller.app.PolledFeed;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A feed that sends teasers, marked fullText through the API or OPML, polled on the real broker. */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(FeedServerResource.class)
class FullTextFeedTest {

    private static LoopbackServer server;
    private static final AtomicReference<String> FEED = new AtomicReference<>("");
    private static final Map<String, AtomicInteger> ARTICLE_REQUESTS = new ConcurrentHashMap<>();

    @Inject
    FeedCatalog catalog;

    @Inject
    FeedPoller poller;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startTheSite() {
        server = new LoopbackServer();
        server.serve("/teasers/", exchange -> respond(exchange, 200, FEED.get().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/rss+xml"));
        server.serve("/articles/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            ARTICLE_REQUESTS.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            if (path.contains("broken")) {
                respond(exchange, 500, new byte[0]);
            } else {
                respond(exchange, 200, articlePage(), "Content-Type", "text/html; charset=utf-8");
            }
        });
    }

    @AfterAll
    static void stopTheSite() {
        server.close();
    }

    @AfterEach
    void removeTheFeedsAddedHere() {
        catalog.all().stream().filter(feed -> feed.origin() == PolledFeed.Origin.API).toList()
                .forEach(feed -> catalog.remove(feed.source().url()));
    }

    @Test
    void eachNewStoryCarriesItsArticlesTextAndAPageThatFailsLeavesOnlyItsStoryWithoutContent() throws Exception {
        String run = UUID.randomUUID().toString();
        String feedUrl = server.url("/teasers/" + run + ".xml");
        String good = "/articles/strike-" + run;
        String broken = "/articles/broken-" + run;
        FEED.set(rss(item(good, "Port workers strike"), item(broken, "A page that fails")));

        String id = authorized().contentType("application/json")
                .body(Map.of("url", feedUrl, "name", "Teasers", "fullText", true))
                .post("/feeds").then().statusCode(201).body("fullText", equalTo(true)).extract().path("id");
        poller.pollAll();

        JsonNode withText = story(good);
        assertThat(withText.get("summary").asText()).isEqualTo("One sentence of teaser.");
        assertThat(withText.get("content").asText()).contains("demurrage charges").doesNotContain("Most read", "Copyright");
        assertThat(story(broken).has("content")).isFalse();
        given().get("/feeds/" + id).then().statusCode(200)
                .body("fullText", equalTo(true))
                .body("lastError", nullValue())
                .body("fullTextProblem", equalTo("fullText: 1 of the last 2 articles could not be read: HTTP status 500 at "
                        + server.url(broken)));
        assertThat(lastFeedRecord(feedUrl)).contains("\"fullText\":true");

        String later = "/articles/later-" + run;
        FEED.set(rss(item(later, "A later story"), item(good, "Port workers strike"), item(broken, "A page that fails")));
        poller.pollAll();

        assertThat(story(later).get("content").asText()).contains("night-shift pay");
        assertThat(ARTICLE_REQUESTS.get(good)).hasValue(1);
        assertThat(ARTICLE_REQUESTS.get(broken)).hasValue(1);
        assertThat(ARTICLE_REQUESTS.get(later)).hasValue(1);
    }

    @Test
    void aFeedNotMarkedFullTextFetchesNoArticle() throws Exception {
        String run = UUID.randomUUID().toString();
        String page = "/articles/plain-" + run;
        FEED.set(rss(item(page, "A plain story")));
        authorized().contentType("application/json").body(Map.of("url", server.url("/teasers/" + run + ".xml")))
                .post("/feeds").then().statusCode(201).body("fullText", equalTo(false));

        poller.pollAll();

        assertThat(story(page).has("content")).isFalse();
        assertThat(ARTICLE_REQUESTS).doesNotContainKey(page);
    }

    @Test
    void anOpmlOutlineMarkedFullTextAddsAFullTextFeed() {
        String marked = server.url("/teasers/opml-" + UUID.randomUUID() + ".xml");
        String plain = server.url("/teasers/opml-" + UUID.randomUUID() + ".xml");
        authorized().contentType("text/x-opml").body("""
                <opml version="2.0"><body>
                  <outline text="Teasers" xmlUrl="%s" fullText="true"/>
                  <outline text="Whole items" xmlUrl="%s"/>
                </body></opml>""".formatted(marked, plain)).post("/feeds/opml").then().statusCode(200);

        given().get("/feeds").then().statusCode(200)
                .body("find { it.url == '%s' }.fullText".formatted(marked), equalTo(true))
                .body("find { it.url == '%s' }.fullText".formatted(plain), equalTo(false));
    }

    private JsonNode story(String path) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicContents.readAll(bootstrapServers, Topics.STORIES)) {
            JsonNode story = mapper.readTree(record.value());
            if (story.path("link").asText().endsWith(path)) {
                found.add(story);
            }
        }
        assertThat(found).as("stories linking to " + path).hasSize(1);
        return found.get(0);
    }

    private String lastFeedRecord(String url) {
        return TopicContents.readAll(bootstrapServers, Topics.FEEDS).stream().filter(record -> url.equals(record.key()))
                .reduce((first, second) -> second).orElseThrow().value();
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Teasers</title>"
                + String.join("", items) + "</channel></rss>";
    }

    private static String item(String path, String title) {
        return "<item><title>" + title + "</title><link>" + server.url(path) + "</link>"
                + "<description>One sentence of teaser.</description></item>";
    }

    private static byte[] articlePage() throws IOException {
        try (InputStream in = FullTextFeedTest.class.getResourceAsStream("/article-page.html")) {
            return in.readAllBytes();
        }
    }

    private static RequestSpecification authorized() {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer test-token");
    }
}
