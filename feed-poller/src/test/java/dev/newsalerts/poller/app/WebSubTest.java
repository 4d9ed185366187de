package dev.newsalerts.poller.app;

import static dev.newsalerts.httpapi.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.poller.FeedServerResource;
import dev.newsalerts.poller.app.FeedCatalog;
import dev.newsalerts.poller.app.FeedPoller;
import dev.newsalerts.poller.app.PolledFeed;
import dev.newsalerts.poller.domain.HubSignature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller as a WebSub subscriber of a tiny real hub on loopback, which also serves the feed. */
@QuarkusTest
@TestProfile(WebSubTest.WithCallback.class)
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(FeedServerResource.class)
class WebSubTest {

    private static final int PORT = freePort();

    /** Hubs reach this instance at a port known before it starts. */
    public static class WithCallback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", Integer.toString(PORT),
                    "poller.websub.callback-base-url", "http://127.0.0.1:" + PORT + "/");
        }
    }

    @Inject
    FeedPoller poller;

    @Inject
    FeedCatalog catalog;

    @Inject
    WebSubSubscriptions subscriptions;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final TinyHub hub = new TinyHub();

    @BeforeEach
    void startHub() {
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop();
        catalog.all().stream().filter(feed -> feed.origin() == PolledFeed.Origin.API).toList()
                .forEach(feed -> catalog.remove(feed.source().url()));
    }

    @Test
    void aFeedThatNamesAHubIsSubscribedAndItsNewItemsArriveWithinSecondsWithoutAPoll() throws Exception {
        String slug = UUID.randomUUID().toString();
        hub.feed.set(hub.feedXml(item(slug, "first")));
        addFeed(hub.feedUrl());

        poller.pollAll();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.verified.size() == 1);
        TinyHub.Subscriber subscriber = hub.verified.get(0);
        assertThat(subscriber.topic()).isEqualTo(hub.feedUrl());
        assertThat(subscriber.callback()).startsWith("http://127.0.0.1:" + PORT + "/websub/");
        assertThat(subscriber.secret()).hasSizeGreaterThanOrEqualTo(32);

        hub.distribute(subscriber, hub.feedXml(item(slug, "forged"), item(slug, "first")), "wrong-secret");
        hub.distribute(subscriber, hub.feedXml(item(slug, "pushed"), item(slug, "first")), subscriber.secret());

        await().atMost(Duration.ofSeconds(5)).until(() -> storyTitles(slug).contains("Story pushed"));
        assertThat(storyTitles(slug)).containsExactlyInAnyOrder("Story first", "Story pushed");
    }

    @Test
    void theHubsVerificationIsAnsweredOnlyForSubscriptionsThisInstanceAskedFor() throws Exception {
        hub.feed.set(hub.feedXml(item(UUID.randomUUID().toString(), "any")));
        addFeed(hub.feedUrl());
        poller.pollAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.verified.size() == 1);
        String callback = hub.verified.get(0).callback();

        given().queryParam("hub.mode", "subscribe").queryParam("hub.topic", "https://elsewhere.example.com/feed")
                .queryParam("hub.challenge", "abc").get(URI.create(callback).getPath()).then().statusCode(404);
        given().queryParam("hub.mode", "subscribe").queryParam("hub.topic", hub.feedUrl())
                .queryParam("hub.challenge", "abc").get("/websub/000000000000").then().spec(problem(404, "feed 000000000000"));
        given().body("<rss/>").post("/websub/000000000000").then().spec(problem(410, "feed 000000000000"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.lease_seconds", "forever").get("/websub/000000000000")
                .then().spec(problem(400, "query parameter hub.lease_seconds: expected a whole number, not \"forever\""));
    }

    @Test
    void aSubscriptionIsRenewedOnceHalfItsLeaseHasPassed() throws Exception {
        hub.leaseSeconds = 2;
        hub.feed.set(hub.feedXml(item(UUID.randomUUID().toString(), "lease")));
        addFeed(hub.feedUrl());
        poller.pollAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.verified.size() == 1);
        poller.pollAll();
        assertThat(hub.requests).hasSize(1);

        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            poller.pollAll();
            assertThat(hub.requests).hasSizeGreaterThanOrEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.verified.size() >= 2);
        assertThat(hub.verified.get(1).secret()).isNotEqualTo(hub.verified.get(0).secret());
    }

    private static void addFeed(String url) {
        given().header("Authorization", "Bearer test-token").contentType("application/json").body(Map.of("url", url))
                .post("/feeds").then().statusCode(201);
    }

    private List<String> storyTitles(String slug) {
        return TopicContents.readAll(bootstrapServers, Topics.STORIES).stream().map(record -> record.value())
                .filter(value -> value.contains(slug)).map(value -> value.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1")).toList();
    }

    private static String item(String slug, String name) {
        return "<item><title>Story " + name + "</title><link>https://news.example.com/" + slug + "/" + name + "</link></item>";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WebSub hub (and publisher) in a few lines: takes subscriptions, verifies intent, distributes signed content. */
    static final class TinyHub {

        record Subscriber(String topic, String callback, String secret) {
        }

        final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
        final List<Subscriber> verified = new CopyOnWriteArrayList<>();
        final AtomicReference<String> feed = new AtomicReference<>();
        volatile long leaseSeconds = 3600;
        private final HttpClient http = HttpClient.newHttpClient();
        private HttpServer server;

        void start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hub", this::subscribe);
            server.createContext("/feed.xml", exchange -> respond(exchange, 200, feed.get().getBytes(StandardCharsets.UTF_8)));
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String feedUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
        }

        String feedXml(String... items) {
            return "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Hubbed</title>"
                    + "<atom:link rel=\"hub\" href=\"http://127.0.0.1:" + server.getAddress().getPort() + "/hub\"/>"
                    + "<atom:link rel=\"self\" href=\"" + feedUrl() + "\"/>" + String.join("", items) + "</channel></rss>";
        }

        void distribute(Subscriber subscriber, String content, String secret) throws Exception {
            byte[] body = content.getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(subscriber.callback()))
                    .header("Content-Type", "application/rss+xml")
                    .header("Link", "<" + subscriber.topic() + ">; rel=\"self\"")
                    .header("X-Hub-Signature", HubSignature.sign("sha256", body, secret))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(202);
        }

        private void subscribe(HttpExchange exchange) throws IOException {
            Map<String, String> form = Arrays.stream(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                            .split("&")).map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : ""));
            requests.add(form);
            respond(exchange, 202, new byte[0]);
            new Thread(() -> verify(form), "tiny-hub-verify").start(); // verification of intent, after the answer, as hubs do
        }

        private void verify(Map<String, String> form) {
            String challenge = UUID.randomUUID().toString();
            String query = "hub.mode=" + form.get("hub.mode") + "&hub.topic=" + encode(form.get("hub.topic"))
                    + "&hub.challenge=" + challenge + "&hub.lease_seconds=" + leaseSeconds;
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(form.get("hub.callback") + "?" + query)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().equals(challenge)) {
                    verified.add(new Subscriber(form.get("hub.topic"), form.get("hub.callback"), form.get("hub.secret")));
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private static String decode(String value) {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
