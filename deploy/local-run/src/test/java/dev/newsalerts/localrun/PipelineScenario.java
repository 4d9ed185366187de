package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
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
                <description>GPU 实例价格上调。</description></item>
              <item><title>Apple unveils new iPhone colours</title>
                <link>https://e2e.example/unrelated</link>
                <description>Prices start at $799.</description></item>
            </channel></rss>
            """;

    @TempDir
    Path dataDir;

    private HttpServer http;
    private GreenMail smtp;
    private final List<String> webhookBodies = new CopyOnWriteArrayList<>();
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
        http.createContext("/feed.xml", exchange -> {
            traceId(exchange.getRequestHeaders().getFirst("traceparent")).ifPresent(fetchTraces::add);
            byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
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
    void twoMatchingStoriesReachTheWebhookAndTheInboxOnceEvenAfterThePollerRestarts() throws Exception {
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

        Instant restarted = Instant.now();
        stack.restart(ServiceApp.FEED_POLLER);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastPollAfter(restarted));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> webhookBodies.size() == 2 && smtp.getReceivedMessages().length == 2);
    }

    private LocalStack.Settings settings() throws IOException {
        Path feeds = Files.writeString(dataDir.resolve("feeds.yaml"),
                "feeds:\n  - url: http://127.0.0.1:" + http.getAddress().getPort() + "/feed.xml\n");
        Map<ServiceApp, Map<String, String>> config = new EnumMap<>(ServiceApp.class);
        config.put(ServiceApp.FEED_POLLER, traced(Map.of("poller.feeds-file", feeds.toString(), "poller.interval", "2s",
                "poller.fetch.allowed-networks", "127.0.0.0/8")));
        config.put(ServiceApp.CLASSIFIER, traced(Map.of()));
        config.put(ServiceApp.NOTIFIER, traced(Map.of(
                "notifier.subscriptions.scenario-hook.target", "http://127.0.0.1:" + http.getAddress().getPort() + "/hook",
                "notifier.subscriptions.scenario-hook.secret", SECRET,
                "notifier.subscriptions.scenario-inbox.channel", "email",
                "notifier.subscriptions.scenario-inbox.target", "reader@example.com",
                "notifier.webhook.allowed-networks", "127.0.0.0/8",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.keep-alive", "false",
                "quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()))));
        Map<ServiceApp, Integer> ports = new EnumMap<>(ServiceApp.class);
        for (ServiceApp app : ServiceApp.values()) {
            ports.put(app, freePort());
        }
        return new LocalStack.Settings(repositoryRoot(), dataDir, externalKafka(), freePort(), ports, config, false);
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
