package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's end-to-end check: a story published in a feed travels feed-poller → Kafka →
 * classifier → Kafka → notifier → a webhook and an inbox, with the packaged services on a real
 * broker. Subclasses say where the broker comes from.
 */
abstract class PipelineScenario {

    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("end-to-end-test-secret-32-bytes!".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>End-to-end feed</title>
              <item><title>Microsoft weighs legal action over OpenAI's Amazon deal</title>
                <link>https://e2e.example/dispute</link>
                <description>&lt;p&gt;Azure stays the &lt;b&gt;exclusive&lt;/b&gt; cloud for stateless APIs.&lt;/p&gt;</description></item>
              <item><title>阿里云宣布部分云服务器涨价</title>
                <link>https://e2e.example/price</link>
                <description>%s</description></item>
              <item><title>Apple unveils new iPhone colours</title>
                <link>https://e2e.example/unrelated</link>
                <description>Prices start at $799.</description></item>
            </channel></rss>
            """.formatted(Copies.LEAD);

    /** Other outlets' copies of the price story, each in a feed of its own: one event, one cluster. */
    private static final class Copies {
        static final String LEAD = "阿里云表示，受存储芯片成本上涨影响，部分GPU云服务器实例将自下月起上调价格，涨幅最高约30%。";
        /** Word for word, served from the start. */
        static final String WIRE = feed("Wire", item("阿里云宣布部分云服务器涨价", "https://wire.example/aliyun", LEAD));
        /** Rewritten, and in traditional Chinese: served once the classifier has been killed and started again. */
        static final String LATER = feed("Later", item("存储芯片成本攀升，阿里云下月起上调部分GPU云服务器价格", "https://tech.example/aliyun",
                "阿里云称，由于存储芯片成本持续上涨，旗下部分GPU云服务器实例价格将从下个月开始调整，最高上调约30%。")
                + item("阿里雲宣布部分雲伺服器漲價", "https://hk.example/aliyun",
                        "阿里雲表示，受存儲晶片成本上漲影響，部分GPU雲伺服器實例將自下月起上調價格，漲幅最高約30%。"));

        private static String feed(String title, String items) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title + "</title>"
                    + items + "</channel></rss>";
        }

        private static String item(String title, String link, String description) {
            return "<item><title>" + title + "</title><link>" + link + "</link><description>" + description + "</description></item>";
        }
    }

    @TempDir
    Path dataDir;

    private HttpServer http;
    private GreenMail smtp;
    private final List<String> webhookBodies = new CopyOnWriteArrayList<>();
    /** What the subscription to each story of the price event received. */
    private final List<String> eachBodies = new CopyOnWriteArrayList<>();
    private volatile boolean laterCopiesOnline;
    /** The trace ids of the feed's fetches and of the webhook deliveries (W3C traceparent headers). */
    private final Set<String> fetchTraces = ConcurrentHashMap.newKeySet();
    private final List<String> deliveryTraces = new CopyOnWriteArrayList<>();
    private LocalStack stack;

    /** Bootstrap servers of a broker to use, or empty to start the local one. */
    abstract Optional<String> externalKafka();

    @BeforeEach
    void startReceiversAndFeed() throws Exception {
        Webhook verifier = new Webhook(SECRET);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/feed.xml", exchange -> serve(exchange, FEED));
        http.createContext("/wire.xml", exchange -> serve(exchange, Copies.WIRE));
        http.createContext("/later.xml", exchange -> serve(exchange, laterCopiesOnline ? Copies.LATER : Copies.feed("Later", "")));
        http.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                verifier.verify(body, exchange.getRequestHeaders());
                webhookBodies.add(body);
                deliveryTraces.add(traceId(exchange.getRequestHeaders().getFirst("traceparent")).orElse("none"));
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        http.createContext("/each-hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                verifier.verify(body, exchange.getRequestHeaders());
                eachBodies.add(body);
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        http.start();
        smtp = new GreenMail(new ServerSetup(ServerSetup.PORT_SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        smtp.stop();
        http.stop(0);
    }

    @Test
    void eachEventReachesTheWebhookAndTheInboxOnceHoweverManyOutletsCarryItEvenAfterTheClassifierIsKilledAndThePollerRestarts() throws Exception {
        stack = LocalStack.start(settings());

        await().atMost(Duration.ofSeconds(90)).until(() -> webhookBodies.size() >= 2 && smtp.getReceivedMessages().length >= 2);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> webhookBodies.size() == 2 && smtp.getReceivedMessages().length == 2);
        assertThat(alertsByRule()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Microsoft weighs legal action over OpenAI's Amazon deal", "ms-openai-amazon-dispute",
                "阿里云宣布部分云服务器涨价", "cloud-pricing"));
        assertThat(deliveryTraces).as("each webhook delivery is in the trace of the poll that fetched its story")
                .hasSize(2).allSatisfy(trace -> assertThat(fetchTraces).contains(trace));
        assertThat(mailSubjects()).hasSize(2)
                .anySatisfy(subject -> assertThat(subject).contains("Microsoft weighs legal action"))
                .anySatisfy(subject -> assertThat(subject).contains("阿里云宣布部分云服务器涨价"))
                .noneSatisfy(subject -> assertThat(subject).contains("iPhone"));
        assertThat(ProcessHandle.current().descendants().map(child -> child.info().commandLine().orElse("")))
                .as("the services' command lines, which every local user can list").isNotEmpty()
                .noneMatch(commandLine -> commandLine.contains(SECRET));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("services/notifier/config/application.properties")))
                .as("the notifier's settings, secrets among them").isEqualTo(PosixFilePermissions.fromString("rw-------"));

        await().atMost(Duration.ofSeconds(60)).until(() -> eachBodies.size() >= 2);
        stack.killAndRestart(ServiceApp.CLASSIFIER); // between the second copy of the price story and the others
        laterCopiesOnline = true;
        await().atMost(Duration.ofSeconds(90)).until(() -> eachBodies.size() >= 4);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> eachBodies.size() == 4
                && webhookBodies.size() == 2 && smtp.getReceivedMessages().length == 2);
        List<JsonNode> clusters = new ArrayList<>();
        for (String body : eachBodies) {
            clusters.add(MAPPER.readTree(body).get("data").get("cluster"));
        }
        assertThat(clusters).as("four outlets' copies of one story: one cluster, one first story")
                .extracting(cluster -> cluster.get("clusterId").asText()).containsOnly(clusters.get(0).get("clusterId").asText());
        assertThat(clusters).filteredOn(cluster -> cluster.get("head").asBoolean()).hasSize(1);
        assertThat(clusters).extracting(cluster -> cluster.get("outlets").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4);
        JsonNode cluster = MAPPER.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        stack.baseUri(ServiceApp.CLASSIFIER) + "/clusters/" + clusters.get(0).get("clusterId").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(cluster.get("stories").findValuesAsText("outlet"))
                .containsExactlyInAnyOrder("e2e.example", "wire.example", "tech.example", "hk.example");

        Instant restarted = Instant.now();
        stack.restart(ServiceApp.FEED_POLLER);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastPollAfter(restarted));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> webhookBodies.size() == 2 && smtp.getReceivedMessages().length == 2 && eachBodies.size() == 4);
    }

    private void serve(HttpExchange exchange, String feed) throws IOException {
        traceId(exchange.getRequestHeaders().getFirst("traceparent")).ifPresent(fetchTraces::add);
        byte[] body = feed.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private LocalStack.Settings settings() throws IOException {
        String loopback = "http://127.0.0.1:" + http.getAddress().getPort();
        Path feeds = Files.writeString(dataDir.resolve("feeds.yaml"), "feeds:\n  - url: " + loopback + "/feed.xml\n"
                + "  - url: " + loopback + "/wire.xml\n  - url: " + loopback + "/later.xml\n");
        Map<ServiceApp, Map<String, String>> config = new EnumMap<>(ServiceApp.class);
        config.put(ServiceApp.FEED_POLLER, traced(Map.of("poller.feeds-file", feeds.toString(), "poller.interval", "2s",
                "poller.fetch.allowed-networks", "127.0.0.0/8")));
        config.put(ServiceApp.CLASSIFIER, traced(Map.of()));
        config.put(ServiceApp.NOTIFIER, traced(Map.ofEntries(
                Map.entry("notifier.subscriptions.scenario-hook.target", loopback + "/hook"),
                Map.entry("notifier.subscriptions.scenario-hook.secret", SECRET),
                // every copy of the price story, where the others get the first of each event
                Map.entry("notifier.subscriptions.scenario-each.target", loopback + "/each-hook"),
                Map.entry("notifier.subscriptions.scenario-each.secret", SECRET),
                Map.entry("notifier.subscriptions.scenario-each.rules", "cloud-pricing"),
                Map.entry("notifier.subscriptions.scenario-each.clusters", "each"),
                Map.entry("notifier.subscriptions.scenario-inbox.channel", "email"),
                Map.entry("notifier.subscriptions.scenario-inbox.target", "reader@example.com"),
                Map.entry("notifier.webhook.allowed-networks", "127.0.0.0/8"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.keep-alive", "false"),
                Map.entry("quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort())))));
        Map<ServiceApp, Integer> ports = new EnumMap<>(ServiceApp.class);
        for (ServiceApp app : ServiceApp.values()) {
            ports.put(app, freePort());
        }
        // as the local run: services with C1 only start on far less CPU, three scenarios at a time
        return new LocalStack.Settings(repositoryRoot(), dataDir, externalKafka(), freePort(), ports, config, false, false,
                LocalStack.ONE_MACHINE_JIT);
    }

    /**
     * A service's settings with tracing on. No collector listens (its spans are dropped); what is
     * checked is the trace context that travels with a story, in Kafka headers and HTTP requests.
     */
    private static Map<String, String> traced(Map<String, String> settings) throws IOException {
        Map<String, String> traced = new java.util.HashMap<>(settings);
        traced.put("quarkus.otel.sdk.disabled", "false");
        traced.put("quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:" + freePort());
        traced.put("quarkus.log.category.\"io.opentelemetry\".level", "OFF");
        traced.put("quarkus.log.category.\"io.quarkus.opentelemetry\".level", "OFF");
        return traced;
    }

    /** The trace id of a W3C traceparent header ({@code 00-<trace id>-<span id>-<flags>}). */
    private static Optional<String> traceId(String traceparent) {
        return Optional.ofNullable(traceparent).map(header -> header.split("-")).filter(parts -> parts.length == 4)
                .map(parts -> parts[1]);
    }

    private Map<String, String> alertsByRule() throws IOException {
        Map<String, String> byTitle = new java.util.HashMap<>();
        for (String body : webhookBodies) {
            JsonNode alert = MAPPER.readTree(body).get("data");
            byTitle.put(alert.get("story").get("title").asText(), alert.get("matches").get(0).get("ruleId").asText());
        }
        return byTitle;
    }

    private List<String> mailSubjects() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private boolean lastPollAfter(Instant instant) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.baseUri(ServiceApp.FEED_POLLER) + "/feeds")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode lastPolled = MAPPER.readTree(response.body()).get(0).get("lastPolledAt");
        return lastPolled != null && !lastPolled.isNull() && Instant.parse(lastPolled.asText()).isAfter(instant);
    }

    /** Failsafe runs in deploy/local-run; the services' builds are two levels up. */
    private static Path repositoryRoot() {
        return Path.of("../..").toAbsolutePath().normalize();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
