package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load harness of the whole pipeline (not part of the build): {@code ./mvnw install -DskipTests &&
 * ./mvnw -pl deploy/local-run -Pload verify -Dit.test=PipelineLoad}, rates and length with
 * {@code -Dpipeline.load.rates=50,200,1000 -Dpipeline.load.seconds=60}; {@code -Dpipeline.load.home=DIR} runs the
 * packaged services of another checkout (add {@code -Dpipeline.load.before-clusters=true} for one older than clusters). The packaged services and a
 * local broker as the local run starts them, with the local run's subscriptions (a webhook to a
 * loopback receiver and an email to a local SMTP server ({@link SmtpSink}), both in mode {@code first}) plus one
 * webhook in mode {@code each} whose receiver answers at once. Stories go straight into
 * {@code news.stories} at a steady rate, one in five matching a default rule, each a different
 * event. Per rate it reports the alerts expected, received by the {@code each} webhook, missing and
 * repeated, the latency from publishing a story to its webhook's arrival, how long after the last
 * send the last alert came, each JVM's CPU and memory, and the consumer groups' lag at the end; to
 * the console and {@code target/pipeline-load.txt}.
 */
class PipelineLoad {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The topic the feed-poller publishes to (libs/kafka Topics.STORIES; local-run does not depend on it). */
    private static final String STORIES = "news.stories";
    private static final Duration DRAIN = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    private HttpServer receiver;
    private final ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
    private SmtpSink smtp;
    private LocalStack stack;
    /** When each matching story was sent (System.nanoTime), by story id. */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    /** When each alert first reached the {@code each} webhook, and how often. */
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    /** The same two moments by the wall clock (epoch ms), to set beside the records' timestamps of each step. */
    private final Map<String, Long> sentAtMillis = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAtMillis = new ConcurrentHashMap<>();
    private final AtomicInteger eachDeliveries = new AtomicInteger();
    private final AtomicInteger firstDeliveries = new AtomicInteger();
    /** Alerts at the each webhook that are the first story of their event. */
    private final AtomicInteger heads = new AtomicInteger();
    private final AtomicInteger storiesSent = new AtomicInteger();
    /** -Dpipeline.load.mail=dead (nothing listens) or slow (it accepts and never answers); healthy ({@link SmtpSink}) by default. */
    private final String mail = System.getProperty("pipeline.load.mail", "healthy");
    /** -Dpipeline.load.broken-webhook=dead or slow adds a fourth subscription, whose receiver is down or hangs. */
    private final String brokenWebhook = System.getProperty("pipeline.load.broken-webhook", "none");
    private SilentServer silent;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        receiver.createContext("/each", exchange -> {
            long now = System.nanoTime();
            JsonNode body = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            eachDeliveries.incrementAndGet();
            if (body.at("/data/cluster/head").asBoolean(true)) {
                heads.incrementAndGet(); // what the first-mode webhook and the email subscription get
            }
            arrivedAt.putIfAbsent(body.at("/data/story/storyId").asText(), now);
            arrivedAtMillis.putIfAbsent(body.at("/data/story/storyId").asText(), System.currentTimeMillis());
        });
        receiver.createContext("/first", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            firstDeliveries.incrementAndGet();
        });
        receiver.setExecutor(receiverThreads);
        receiver.start();
        smtp = SmtpSink.start();
        silent = SilentServer.start();
        stack = LocalStack.start(settings());
    }

    @AfterEach
    void stop() throws IOException {
        if (stack != null) {
            stack.close();
            keepLogs();
        }
        smtp.close();
        silent.close();
        receiver.stop(0);
        receiverThreads.shutdownNow();
    }

    @Test
    void storiesAtSteadyRates() throws Exception {
        int seconds = Integer.getInteger("pipeline.load.seconds", 60);
        List<Integer> rates = Arrays.stream(System.getProperty("pipeline.load.rates", "50,200,1000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        // Stories are published as the feed-poller publishes them (linger.ms as in its application.properties)
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(),
                "linger.ms", 20), new StringSerializer(), new StringSerializer());
                ConsumerGroups groups = new ConsumerGroups(stack.bootstrapServers())) {
            // -Dpipeline.load.warm-up-seconds=0 measures a cold stack: its first seconds run interpreted code
            int warmUpSeconds = Integer.getInteger("pipeline.load.warm-up-seconds", 10);
            warmUp(producer, rates.get(0), warmUpSeconds);
            StringBuilder report = new StringBuilder("Pipeline load, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores; each rate for " + seconds + " s, 20% matching, after " + warmUpSeconds + " s at the first rate;"
                    + " mail server " + mail + (brokenWebhook.equals("none") ? "" : "; a fourth webhook " + brokenWebhook) + "\n");
            for (int rate : rates) {
                report.append(measure(producer, groups, rate, seconds)).append('\n');
            }
            System.out.print(report);
            Files.writeString(Path.of("target", "pipeline-load.txt"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The services' logs of the last run, in target/pipeline-load-logs (the data directory is deleted). */
    private void keepLogs() throws IOException {
        Path kept = Files.createDirectories(Path.of("target", "pipeline-load-logs"));
        try (var logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * A few alerts through every step, then stories at the first rate for a while, not measured: the
     * JVMs compile the code they run while they run it, and on two busy cores a cold stack's first
     * seconds are slow (the issue sets a warm stack's numbers apart from a first load's too).
     */
    private void warmUp(KafkaProducer<String, String> producer, int rate, int seconds) {
        for (int i = 0; i < 20; i++) {
            send(producer, true);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> arrivedAt.keySet().containsAll(sentAt.keySet()));
        sendAtRate(producer, rate, seconds);
        await().atMost(DRAIN).until(() -> arrivedAt.keySet().containsAll(sentAt.keySet()));
    }

    /** Stories at a steady rate, one in five matching. */
    private void sendAtRate(KafkaProducer<String, String> producer, int rate, int seconds) {
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
            send(producer, i % 5 == 0);
        }
        producer.flush();
    }

    private String measure(KafkaProducer<String, String> producer, ConsumerGroups groups, int rate, int seconds) throws Exception {
        sentAt.clear();
        arrivedAt.clear();
        sentAtMillis.clear();
        arrivedAtMillis.clear();
        eachDeliveries.set(0);
        firstDeliveries.set(0);
        heads.set(0);
        int firstMails = smtp.received();
        Map<String, Long> cpuBefore = cpuMillis();
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        sendAtRate(producer, rate, seconds);
        long lastSend = System.nanoTime();
        int expected = sentAt.size();
        boolean drained = awaitDrained(expected, firstMails);
        Map<String, Long> cpu = cpuMillis();
        Thread.sleep(6_000); // consumers commit their offsets every few seconds: the lag is read after
        long[] latencies = sentAt.entrySet().stream().filter(sent -> arrivedAt.containsKey(sent.getKey()))
                .mapToLong(sent -> (arrivedAt.get(sent.getKey()) - sent.getValue()) / 1_000_000).sorted().toArray();
        long lastArrival = arrivedAt.values().stream().mapToLong(Long::longValue).max().orElse(lastSend);
        double elapsed = (System.nanoTime() - start) / 1e9;
        StringBuilder jvms = new StringBuilder();
        for (Map.Entry<String, Long> process : cpu.entrySet()) {
            jvms.append(String.format(" %s %.0f%% of a core, %d MiB;", process.getKey(),
                    100.0 * (process.getValue() - cpuBefore.getOrDefault(process.getKey(), 0L)) / 1000 / elapsed,
                    ProcessStats.residentMib(pids().get(process.getKey()))));
        }
        return String.format("%5d stories/s: alerts %d/%d received by the each webhook (%d missing, %d repeated)%s;"
                        + " latency p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; last alert %.1f s after the last send (%.1f alerts/s from the first send to the last arrival);"
                        + " first stories %d: first-mode webhook %d, emails %d (%d distinct subjects in the inbox, warm-up included)%n       CPU and memory:%s%n       lag at the end:"
                        + " stories %d, matches %d, alerts %d (for webhooks), %d (for email)%n       notifier's deliveries since its start:%s%n"
                        + "       steps, p50/p95/p99:%s%n       p99 by 10 s of sending:%s",
                rate, latencies.length, expected, expected - latencies.length, eachDeliveries.get() - latencies.length,
                drained ? "" : " NOT DRAINED within " + DRAIN.toMinutes() + " min", ProcessStats.percentile(latencies, 50),
                ProcessStats.percentile(latencies, 95), ProcessStats.percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1], Math.max(0, lastArrival - lastSend) / 1e9,
                latencies.length / ((Math.max(lastArrival, lastSend) - start) / 1e9),
                heads.get(), firstDeliveries.get(), smtp.received() - firstMails, smtp.distinctSubjects(), jvms,
                groups.lag("classifier"), groups.lag("classifier-clusters"), groups.lag("notifier"), groups.lag("notifier-email"),
                deliveryOutcomes(), steps(startMillis), p99By10Seconds(start));
    }

    /**
     * The notifier's count of deliveries by channel and outcome ({@code notifier_deliveries_total}):
     * a healthy run has only {@code delivered}; {@code postponed} ones waited in a retry topic.
     */
    private String deliveryOutcomes() throws IOException, InterruptedException {
        HttpResponse<Stream<String>> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(stack.baseUri(ServiceApp.NOTIFIER).resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofLines());
        StringBuilder outcomes = new StringBuilder();
        metrics.body().filter(line -> line.startsWith("notifier_deliveries_total{")).sorted()
                .forEach(line -> outcomes.append(' ').append(line.substring("notifier_deliveries_total".length())
                        .replaceAll(" # .*", "").replaceAll("\\.0$", "")).append(';')); // without its exemplar
        return outcomes.toString();
    }

    /** How long each step took: classifying (story sent to match sent), clustering (to alert sent), delivering (to webhook arrival). */
    private String steps(long startMillis) {
        Map<String, Long> matched = HopTimes.sentTimes(stack.bootstrapServers(), HopTimes.MATCHES);
        Map<String, Long> alerted = HopTimes.sentTimes(stack.bootstrapServers(), HopTimes.ALERTS);
        StringBuilder slowest = new StringBuilder();
        sentAtMillis.keySet().stream().filter(arrivedAtMillis::containsKey)
                .sorted(Comparator.comparingLong((String key) -> sentAtMillis.get(key) - arrivedAtMillis.get(key))).limit(5)
                .forEach(key -> slowest.append(String.format(" sent at %.1f s: %d ms (classify %d, cluster %d, deliver %d);",
                        (sentAtMillis.get(key) - startMillis) / 1e3, arrivedAtMillis.get(key) - sentAtMillis.get(key),
                        HopTimes.between(sentAtMillis, matched, key), HopTimes.between(matched, alerted, key),
                        HopTimes.between(alerted, arrivedAtMillis, key))));
        return HopTimes.hop("classify", sentAtMillis.keySet(), sentAtMillis, matched)
                + HopTimes.hop("cluster", sentAtMillis.keySet(), matched, alerted)
                + HopTimes.hop("deliver", sentAtMillis.keySet(), alerted, arrivedAtMillis)
                + "\n       the slowest alerts:" + slowest;
    }

    /** Whether the tail belongs to the start of a rate (a cold path, a JIT) or to all of it. */
    private String p99By10Seconds(long start) {
        Map<Long, List<Long>> byWindow = new TreeMap<>();
        sentAt.forEach((storyId, sent) -> {
            Long arrived = arrivedAt.get(storyId);
            if (arrived != null) {
                byWindow.computeIfAbsent((sent - start) / 10_000_000_000L, window -> new ArrayList<>()).add((arrived - sent) / 1_000_000);
            }
        });
        StringBuilder line = new StringBuilder();
        byWindow.forEach((window, latencies) -> line.append(' ').append(ProcessStats.percentile(
                latencies.stream().mapToLong(Long::longValue).sorted().toArray(), 99)).append(" ms"));
        return line.toString();
    }

    /** Waits until every alert reached the each webhook, and every first story the first-mode webhook and the inbox. */
    private boolean awaitDrained(int expected, int mailsBefore) {
        try {
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(200)).until(() -> arrivedAt.size() >= expected
                    && firstDeliveries.get() >= heads.get()
                    && (!mail.equals("healthy") || smtp.received() - mailsBefore >= heads.get()));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private void send(KafkaProducer<String, String> producer, boolean matching) {
        int number = storiesSent.getAndIncrement(); // across warm-up and rates: no two events share a number
        String storyId = UUID.randomUUID().toString().replace("-", "");
        String place = storyId.substring(0, 6);
        String title = matching ? matchingTitle(number, place) : "Local bakery " + place + " wins a prize for bread number " + number;
        ObjectNode story = MAPPER.createObjectNode().put("schemaVersion", 1).put("storyId", storyId)
                .put("feedUrl", "https://load.example/feed.xml").put("link", "https://load.example/" + storyId)
                .put("title", title).put("summary", "").put("language", "en")
                .put("publishedAt", Instant.now().toString()).put("fetchedAt", Instant.now().toString());
        if (matching) {
            sentAt.put(storyId, System.nanoTime());
            sentAtMillis.put(storyId, System.currentTimeMillis());
        }
        producer.send(new ProducerRecord<>(STORIES, storyId, story.toString()));
    }

    /** A title a default rule matches, of an event of its own (no other story has its number). */
    private static String matchingTitle(int i, String place) {
        int n = 100 + i;
        return switch (i / 5 % 4) {
            case 0 -> "AWS raises prices for EC2 GPU instances by " + n + "% in region " + place;
            case 1 -> "阿里云宣布" + place + "地域部分云服务器涨价" + n + "%";
            case 2 -> "Microsoft weighs legal action over OpenAI's Amazon deal, filing " + n + " in " + place;
            default -> "Google Cloud raises prices of Cloud Storage by " + n + "% in " + place;
        };
    }

    /** CPU time so far of the broker and each service, by name. */
    private Map<String, Long> cpuMillis() throws IOException {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : pids().entrySet()) {
            cpu.put(process.getKey(), ProcessStats.cpuMillis(process.getValue()));
        }
        return cpu;
    }

    /** This JVM's, the broker's and each service's process, by name, found by their command lines. */
    private static Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("this harness (stories, receivers, SMTP)", ProcessHandle.current().pid()); // on the same cores
        ProcessHandle.current().descendants().forEach(process -> {
            String commandLine = commandLine(process.pid());
            if (commandLine.contains("kafka.Kafka")) {
                pids.put("kafka", process.pid());
            }
            for (ServiceApp app : ServiceApp.values()) {
                if (commandLine.contains(app.displayName() + "/target/quarkus-app")) {
                    pids.put(app.displayName(), process.pid());
                }
            }
        });
        return pids;
    }

    /** The whole command line (ProcessHandle's is empty when it is long, as a broker's class path makes it). */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // it has exited
        }
    }

    private static final String NOTIFIER_SETTING = "pipeline.load.notifier.";

    private LocalStack.Settings settings() throws IOException {
        String loopback = "http://127.0.0.1:" + receiver.getAddress().getPort();
        Path feeds = Files.writeString(dataDir.resolve("feeds.yaml"), "feeds: []\n");
        Map<ServiceApp, Map<String, String>> config = new EnumMap<>(ServiceApp.class);
        config.put(ServiceApp.FEED_POLLER, Map.of("poller.feeds-file", feeds.toString()));
        config.put(ServiceApp.CLASSIFIER, Map.of());
        Map<String, String> notifier = new java.util.HashMap<>(Map.of(
                "notifier.subscriptions.local-receiver.target", loopback + "/first",
                "notifier.subscriptions.local-inbox.channel", "email",
                "notifier.subscriptions.local-inbox.target", "you@localhost",
                "notifier.subscriptions.load-each.target", loopback + "/each",
                "notifier.webhook.allowed-networks", "127.0.0.0/8",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(switch (mail) {
                    case "dead" -> freePort(); // nothing listens there
                    case "slow" -> silent.port();
                    default -> smtp.port();
                }),
                "quarkus.log.category.\"dev.newsalerts.notifier.app.AlertDispatcher\".level", "WARN"));
        if (!brokenWebhook.equals("none")) {
            int port = brokenWebhook.equals("dead") ? freePort() : silent.port(); // down, or hanging
            notifier.put("notifier.subscriptions.load-broken.target", "http://127.0.0.1:" + port + "/broken");
        }
        if (!Boolean.getBoolean("pipeline.load.before-clusters")) { // a notifier before clusters refuses the key, and sends each
            notifier.put("notifier.subscriptions.load-each.clusters", "each");
        }
        // -Dpipeline.load.notifier.KEY=VALUE tries a notifier setting (KEY as in its application.properties)
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(NOTIFIER_SETTING))
                .forEach(name -> notifier.put(name.substring(NOTIFIER_SETTING.length()), System.getProperty(name)));
        config.put(ServiceApp.NOTIFIER, notifier);
        Map<ServiceApp, Integer> ports = new EnumMap<>(ServiceApp.class);
        for (ServiceApp app : ServiceApp.values()) {
            ports.put(app, freePort());
        }
        // -Dpipeline.load.home=DIR runs the packaged services of another checkout (a baseline) under the same load
        Path home = Path.of(System.getProperty("pipeline.load.home", "../..")).toAbsolutePath().normalize();
        // the services' JVM options are the local run's, unless -Dpipeline.load.service-jvm-options="-XX:A -XX:B" (or "") says
        String options = System.getProperty("pipeline.load.service-jvm-options", String.join(" ", LocalStack.ONE_MACHINE_JIT));
        List<String> jvmOptions = Arrays.stream(options.split(" ")).filter(option -> !option.isBlank()).toList();
        return new LocalStack.Settings(home, dataDir, Optional.empty(), freePort(), ports, config, false, false, jvmOptions);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
