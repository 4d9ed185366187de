package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsalerts.localkafka.ChildJvm;
import dev.newsalerts.localkafka.LocalKafka;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed-poller's 10,000-feed benchmark (not part of the build:
 * {@code ./mvnw -pl feed-poller -am install -DskipTests && ./mvnw -pl deploy/local-run -Pload verify -Dit.test=PollerLoad}).
 * One packaged poller with {@code -Xmx512m} polls 10,000 feeds served from 100 loopback addresses
 * (127.0.1.1–100, 100 feeds each), every 60 s, on a real broker. Each feed holds 10 items and
 * answers 304 to its ETag; about 2 % of the feeds get a new item each minute. After the first
 * round, measures for {@code -Dpoller.load.minutes} (default 4) minutes: the poll lag (time between
 * two fetches of a feed, less the 60 s interval), the heap (sampled from /q/metrics; live heap
 * after a full GC at the end), and the poller's CPU time per poll (from /proc). Prints the results
 * and appends them to {@code target/poller-load.txt}.
 */
class PollerLoad {

    private static final int HOSTS = 100;
    private static final int FEEDS_PER_HOST = 100;
    private static final int FEEDS = HOSTS * FEEDS_PER_HOST;
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Pattern FEED_PATH = Pattern.compile("/f/(\\d+)\\.xml");

    @TempDir
    Path dataDir;

    private final AtomicIntegerArray versions = new AtomicIntegerArray(FEEDS);
    private final AtomicLongArray lastFetch = new AtomicLongArray(FEEDS);
    private final ConcurrentLinkedQueue<Long> lagsMillis = new ConcurrentLinkedQueue<>();
    private final AtomicLong fetches = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private volatile boolean measuring;
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(8);
    private final List<HttpServer> servers = new ArrayList<>();
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
    private LocalKafka kafka;
    private ChildJvm poller;

    @BeforeEach
    void start() throws Exception {
        kafka = LocalKafka.start(dataDir.resolve("kafka"), 0);
        for (int host = 0; host < HOSTS; host++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.1." + (host + 1), 0), 256);
            server.createContext("/f/", this::serve);
            server.setExecutor(serverThreads);
            server.start();
            servers.add(server);
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (poller != null) {
            poller.close();
        }
        progress.shutdownNow();
        servers.forEach(server -> server.stop(0));
        serverThreads.shutdownNow();
        kafka.close();
        if (Files.exists(dataDir.resolve("poller.log"))) {
            Files.copy(dataDir.resolve("poller.log"), Path.of("target", "PollerLoad-poller.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void tenThousandFeedsPolledEveryMinuteByOneInstance() throws Exception {
        StringBuilder feeds = new StringBuilder("feeds:\n");
        for (int i = 0; i < FEEDS; i++) {
            HttpServer server = servers.get(i / FEEDS_PER_HOST);
            feeds.append("  - url: http://127.0.1.").append(i / FEEDS_PER_HOST + 1).append(':')
                    .append(server.getAddress().getPort()).append("/f/").append(i).append(".xml\n");
        }
        Path feedsFile = Files.writeString(dataDir.resolve("feeds.yaml"), feeds);
        int port = PackagedNotifier.freePort();
        poller = ChildJvm.start("feed-poller", List.of(ServiceApp.FEED_POLLER.runJar(Path.of("../..").toAbsolutePath().normalize())
                .toString()), List.of("-Xmx512m", "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.category.\"org.apache.kafka\".level=WARN",
                "-Dquarkus.log.category.\"dev.newsalerts.poller.app.FeedIntake\".level=WARN",
                "-Dpoller.feeds-file=" + feedsFile, "-Dpoller.interval=" + INTERVAL.toSeconds() + "s",
                "-Dpoller.fetch.allowed-networks=127.0.0.0/8"),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), dataDir.resolve("poller.log"));
        HttpClient http = HttpClient.newHttpClient();
        URI metrics = URI.create("http://127.0.0.1:" + port + "/q/metrics");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        Instant started = Instant.now();
        progress.scheduleAtFixedRate(() -> System.out.printf("PollerLoad: %d s after start-up, %d fetches, %d answered 304%n",
                Duration.between(started, Instant.now()).toSeconds(), fetches.get(), notModified.get()), 30, 30, TimeUnit.SECONDS);

        // The first round spreads the feeds over the interval and publishes 10 stories of each.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5))
                .until(() -> Arrays.stream(lastFetchesSnapshot()).allMatch(at -> at > 0));
        Duration firstRound = Duration.between(started, Instant.now());
        long minutes = Long.getLong("poller.load.minutes", 4);
        measuring = true;
        long fetchesBefore = fetches.get();
        long cpuBefore = ProcessStats.cpuMillis(poller.pid());
        long maxHeap = 0;
        Instant end = Instant.now().plus(Duration.ofMinutes(minutes));
        Instant measureStart = Instant.now();
        int minute = 0;
        while (Instant.now().isBefore(end)) {
            maxHeap = Math.max(maxHeap, heapUsed(http, metrics));
            if (Duration.between(measureStart, Instant.now()).toMinutes() > minute) {
                minute++;
                for (int i = 0; i < FEEDS / 50; i++) { // about 2 % of the feeds get a new item each minute
                    versions.incrementAndGet(ThreadLocalRandom.current().nextInt(FEEDS));
                }
            }
            await().pollDelay(Duration.ofSeconds(5)).until(() -> true); // sampling period
        }
        long polls = fetches.get() - fetchesBefore;
        long cpu = ProcessStats.cpuMillis(poller.pid()) - cpuBefore;
        Duration measured = Duration.between(measureStart, Instant.now());
        new ProcessBuilder("jcmd", Long.toString(poller.pid()), "GC.run").inheritIO().start().waitFor();
        long liveHeap = heapUsed(http, metrics);
        long[] lags = lagsMillis.stream().mapToLong(Long::longValue).sorted().toArray();

        String report = String.format("""
                PollerLoad %s: %d feeds on %d loopback hosts, interval %d s, one instance (-Xmx512m), %d cores (%s)
                  first round: every feed fetched within %d s of start-up
                  measured %d s: %d polls (%.1f/s; %.0f%% of all fetches since start-up answered 304), poll lag (gap between fetches less %d s): \
                p50 %d ms, p99 %d ms, max %d ms
                  heap used: max %d MiB sampled every 5 s, %d MiB live after a full GC at the end
                  CPU: %.1f s in %d s (%.0f%% of one core), %.2f ms per poll
                """, Instant.now(), FEEDS, HOSTS, INTERVAL.toSeconds(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), firstRound.toSeconds(), measured.toSeconds(), polls,
                polls / (double) measured.toSeconds(), 100.0 * notModified.get() / Math.max(1, fetches.get()), INTERVAL.toSeconds(),
                ProcessStats.percentile(lags, 50), ProcessStats.percentile(lags, 99), lags.length == 0 ? 0 : lags[lags.length - 1],
                maxHeap >> 20, liveHeap >> 20, cpu / 1000.0, measured.toSeconds(), 100.0 * cpu / measured.toMillis(),
                cpu / (double) Math.max(1, polls));
        System.out.print(report);
        Files.writeString(Path.of("target", "poller-load.txt"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(poller.isAlive()).isTrue();
        assertThat(lags).isNotEmpty();
    }

    private long[] lastFetchesSnapshot() {
        long[] snapshot = new long[FEEDS];
        for (int i = 0; i < FEEDS; i++) {
            snapshot[i] = lastFetch.get(i);
        }
        return snapshot;
    }

    private void serve(HttpExchange exchange) throws IOException {
        Matcher matcher = FEED_PATH.matcher(exchange.getRequestURI().getPath());
        if (!matcher.matches()) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int feed = Integer.parseInt(matcher.group(1));
        long now = System.nanoTime();
        long previous = lastFetch.getAndSet(feed, now);
        fetches.incrementAndGet();
        if (measuring && previous > 0) {
            lagsMillis.add(Math.max(0, (now - previous) / 1_000_000 - INTERVAL.toMillis()));
        }
        int version = versions.get(feed);
        String etag = "\"" + feed + "-" + version + "\"";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Feed ")
                .append(feed).append("</title><link>https://news.example.com/</link>");
        for (int item = version + 9; item >= version; item--) {
            rss.append("<item><title>Story ").append(item).append(" of feed ").append(feed)
                    .append("</title><link>https://news.example.com/").append(feed).append('/').append(item)
                    .append("</link><description>Cloud prices and other news, item ").append(item)
                    .append(".</description><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>");
        }
        byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static long heapUsed(HttpClient http, URI metrics) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        long sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
