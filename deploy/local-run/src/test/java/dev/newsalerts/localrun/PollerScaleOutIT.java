package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsalerts.localkafka.ChildJvm;
import dev.newsalerts.localkafka.LocalKafka;
import dev.newsalerts.localkafka.TopicContents;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged feed-pollers in one consumer group on a real broker, feeds served from loopback:
 * each feed is fetched by exactly one of them; when one is killed with SIGKILL, the other fetches
 * its feeds within a minute, and no story is published twice.
 */
class PollerScaleOutIT {

    private static final int FEEDS = 24;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dataDir;

    /** Fetches by feed path, by the instance that made them (its User-Agent). */
    private final Map<String, Map<String, AtomicInteger>> fetches = new ConcurrentHashMap<>();
    private final AtomicInteger itemsPerFeed = new AtomicInteger(2);
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer feedServer;
    private LocalKafka kafka;
    private ChildJvm pollerA;
    private ChildJvm pollerB;
    private int portA;
    private int portB;

    @BeforeEach
    void startBrokerAndFeeds() throws Exception {
        kafka = LocalKafka.start(dataDir.resolve("kafka"), 0);
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/feeds/", this::serveFeed);
        feedServer.start();
        portA = PackagedNotifier.freePort();
        portB = PackagedNotifier.freePort();
    }

    @AfterEach
    void stopEverything() throws IOException {
        for (ChildJvm poller : new ChildJvm[] {pollerA, pollerB}) {
            if (poller != null) {
                poller.close();
            }
        }
        feedServer.stop(0);
        kafka.close();
        for (String name : List.of("poller-a.log", "poller-b.log")) {
            if (Files.exists(dataDir.resolve(name))) {
                Files.copy(dataDir.resolve(name), Path.of("target", "PollerScaleOutIT-" + name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void eachFeedIsPolledByOneInstanceAndTheFeedsOfAKilledOneAreTakenOverWithinAMinuteWithoutRepeats() throws Exception {
        Path feedsFile = Files.writeString(dataDir.resolve("feeds.yaml"), "feeds:\n" + IntStream.range(0, FEEDS)
                .mapToObj(i -> "  - url: " + feedUrl(i) + "\n").collect(Collectors.joining()));
        pollerA = startPoller("poller-a", portA, feedsFile);
        pollerB = startPoller("poller-b", portB, feedsFile);

        // Once both hold their share, every feed is polled by exactly one of them, and each says so.
        await().atMost(Duration.ofSeconds(60)).until(() -> polledHere(portA).size() + polledHere(portB).size() == FEEDS
                && !polledHere(portA).isEmpty() && !polledHere(portB).isEmpty());
        Set<String> feedsOfA = polledHere(portA);
        Set<String> feedsOfB = polledHere(portB);
        assertThat(feedsOfA).doesNotContainAnyElementsOf(feedsOfB);
        fetches.clear();
        await().atMost(Duration.ofSeconds(30)).until(() -> fetches.size() == FEEDS
                && fetches.values().stream().allMatch(byInstance -> byInstance.values().stream().mapToInt(AtomicInteger::get).sum() >= 2));
        for (int i = 0; i < FEEDS; i++) {
            String expected = feedsOfA.contains(feedUrl(i)) ? "poller-a" : "poller-b";
            assertThat(fetches.get(path(i)).keySet()).as("instances that fetched feed %d", i).containsExactly(expected);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> storyCounts().size() == FEEDS * 2);

        ProcessHandle.of(pollerB.pid()).ifPresent(ProcessHandle::destroyForcibly); // kill -9
        assertThat(pollerB.waitFor(10, TimeUnit.SECONDS)).isNotEqualTo(0);
        Instant killed = Instant.now();
        fetches.clear();
        itemsPerFeed.set(3); // a new story in every feed

        await().atMost(Duration.ofSeconds(60)).until(() -> feedsOfB.stream()
                .allMatch(url -> fetches.getOrDefault(path(url), Map.of()).containsKey("poller-a")));
        Duration takeover = Duration.between(killed, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> storyCounts().size() == FEEDS * 3);
        assertThat(polledHere(portA)).hasSize(FEEDS);

        Map<String, Long> counts = storyCounts();
        System.out.printf("PollerScaleOutIT: %d feeds, %d polled by poller-a and %d by poller-b; poller-a fetched all of"
                + " poller-b's feeds %d s after its kill; %d stories, %d published more than once%n", FEEDS, feedsOfA.size(),
                feedsOfB.size(), takeover.toSeconds(), counts.size(), counts.values().stream().filter(count -> count > 1).count());
        assertThat(takeover).isLessThan(Duration.ofSeconds(60));
        assertThat(counts).as("times each story was published").allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    private ChildJvm startPoller(String name, int port, Path feedsFile) throws IOException {
        List<String> options = List.of(
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.category.\"org.apache.kafka\".level=WARN",
                "-Dtopics.partitions=6",
                "-Dpoller.feeds-file=" + feedsFile,
                "-Dpoller.interval=3s",
                "-Dpoller.fetch.allowed-networks=127.0.0.0/8",
                "-Dpoller.fetch.user-agent=" + name);
        ChildJvm poller = ChildJvm.start(name, List.of(ServiceApp.FEED_POLLER.runJar(Path.of("../..").toAbsolutePath().normalize())
                .toString()), options, "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), dataDir.resolve(name + ".log"));
        Readiness.awaitReady(port);
        return poller;
    }

    /** The feeds the instance on {@code port} says it polls. */
    private Set<String> polledHere(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/feeds")).build(),
                HttpResponse.BodyHandlers.ofString());
        Set<String> urls = new HashSet<>();
        for (JsonNode feed : MAPPER.readTree(response.body())) {
            if (feed.path("polledHere").asBoolean()) {
                urls.add(feed.get("url").asText());
            }
        }
        return urls;
    }

    private Map<String, Long> storyCounts() {
        return TopicContents.readAll(kafka.bootstrapServers(), "news.stories").stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private void serveFeed(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        fetches.computeIfAbsent(path, key -> new ConcurrentHashMap<>()).computeIfAbsent(agent, key -> new AtomicInteger())
                .incrementAndGet();
        String items = IntStream.range(0, itemsPerFeed.get()).mapToObj(i -> "<item><title>Story " + i + " of " + path
                + "</title><link>https://news.example.com" + path + "/" + i + "</link></item>").collect(Collectors.joining());
        byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + path + "</title>" + items
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String feedUrl(int i) {
        return "http://127.0.0.1:" + feedServer.getAddress().getPort() + path(i);
    }

    private static String path(int i) {
        return "/feeds/" + i + ".xml";
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }
}
