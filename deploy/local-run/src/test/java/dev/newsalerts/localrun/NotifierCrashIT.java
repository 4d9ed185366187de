package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsalerts.localkafka.ChildJvm;
import dev.newsalerts.localkafka.LocalKafka;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier's delivery guarantees, with its packaged jar on a real broker and a real receiver:
 * killed with SIGKILL in the middle of a batch and started again, or with the broker restarted
 * under it, every alert still reaches the receiver, and at most the deliveries in flight at the
 * kill are repeated (with the same webhook-id, for the receiver to drop).
 */
class NotifierCrashIT {

    private static final int ALERTS = 120;
    private static final Path ALERT_EXAMPLE = Path.of("../../classifier/src/main/resources/schemas/alert.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private LocalKafka kafka;
    private ChildJvm notifier;
    private int notifierPort;

    @BeforeEach
    void startBrokerAndReceiver() throws Exception {
        kafka = LocalKafka.start(dataDir.resolve("kafka"), 0);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), id -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        notifierPort = freePort();
    }

    @AfterEach
    void stopEverything(org.junit.jupiter.api.TestInfo test) throws IOException {
        if (notifier != null) {
            notifier.close();
        }
        receiver.stop(0);
        kafka.close();
        // kept for reading after a failure: the temporary directory goes away
        Files.copy(dataDir.resolve("notifier.log"), Path.of("target", "NotifierCrashIT-" + test.getTestMethod().orElseThrow().getName()
                + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void noAlertIsLostWhenTheNotifierIsKilledMidBatchAndStartedAgain() throws Exception {
        startNotifier();
        List<String> alertIds = publishAlerts();

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= ALERTS / 4);
        ProcessHandle.of(notifier.pid()).ifPresent(ProcessHandle::destroyForcibly); // kill -9
        assertThat(notifier.waitFor(10, TimeUnit.SECONDS)).isNotEqualTo(0);
        int beforeKill = received.size();
        assertThat(beforeKill).as("killed mid-batch").isLessThan(ALERTS);

        startNotifier();
        await().atMost(Duration.ofSeconds(120)).until(() -> received.keySet().containsAll(alertIds));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> received.size() == ALERTS);
        assertThat(repeated()).as("deliveries repeated after the kill").isLessThanOrEqualTo(1);
    }

    @Test
    void noAlertIsLostOrRepeatedWhenTheBrokerRestarts() throws Exception {
        startNotifier();
        List<String> alertIds = publishAlerts();

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= ALERTS / 4);
        int port = kafka.port();
        kafka.close();
        kafka = LocalKafka.start(dataDir.resolve("kafka"), port);

        await().atMost(Duration.ofSeconds(180)).until(() -> received.keySet().containsAll(alertIds));
        assertThat(notifier.isAlive()).isTrue();
        assertThat(repeated()).as("deliveries repeated").isZero();
    }

    private long repeated() {
        return received.values().stream().filter(count -> count.get() > 1).count();
    }

    private List<String> publishAlerts() throws IOException {
        ObjectNode example = (ObjectNode) MAPPER.readTree(Files.readString(ALERT_EXAMPLE)).get("examples").get(0);
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < ALERTS; i++) {
                ObjectNode alert = example.deepCopy();
                String id = UUID.randomUUID().toString().replace("-", "");
                alert.put("alertId", id);
                ((ObjectNode) alert.get("story")).put("storyId", id).put("title", "Crash test alert " + i);
                producer.send(new ProducerRecord<>("news.alerts", id, alert.toString()));
                ids.add(id);
            }
        }
        return ids;
    }

    private void startNotifier() throws IOException, InterruptedException {
        List<String> options = List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + notifierPort,
                "-Dnotifier.subscriptions.crash-hook.target=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "-Dnotifier.webhook.allowed-networks=127.0.0.0/8",
                // a slow receiver's pace: alerts are still in flight when the notifier is killed
                "-Dnotifier.delivery.rate-per-subscription=20",
                "-Dquarkus.log.category.\"org.apache.kafka\".level=ERROR",
                "-Dquarkus.log.category.\"dev.newsalerts.notifier.client\".level=DEBUG");
        notifier = ChildJvm.start("notifier", List.of(ServiceApp.NOTIFIER.runJar(repositoryRoot()).toString()), options,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), dataDir.resolve("notifier.log"));
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + notifierPort + "/q/health/ready");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static Path repositoryRoot() {
        return Path.of("../..").toAbsolutePath().normalize();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
