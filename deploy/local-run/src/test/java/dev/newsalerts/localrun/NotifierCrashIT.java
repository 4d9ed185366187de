package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.newsalerts.localkafka.ChildJvm;
import dev.newsalerts.localkafka.LocalKafka;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier's delivery guarantees, with its packaged jar on a real broker and a real receiver:
 * killed with SIGKILL in the middle of a batch and started again, or with the broker restarted
 * under it, every alert still reaches the receiver; only deliveries in flight at the kill may be
 * repeated (with the same webhook-id, for the receiver to drop), and none after a broker restart.
 */
class NotifierCrashIT {

    private static final int ALERTS = 120;

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
        notifierPort = PackagedNotifier.freePort();
    }

    @AfterEach
    void stopEverything() throws IOException {
        if (notifier != null) {
            notifier.close();
        }
        receiver.stop(0);
        kafka.close();
        // kept for reading after a failure: the temporary directory goes away
        Files.copy(dataDir.resolve("notifier.log"), Path.of("target", "NotifierCrashIT.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Both crashes in one run of one broker and receiver: each JVM start costs seconds the suite has not got. */
    @Test
    void noAlertIsLostWhenTheNotifierIsKilledMidBatchNorRepeatedWhenTheBrokerRestarts() throws Exception {
        startNotifier();
        List<String> firstBatch = publishAlerts("Crash test alert");

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= ALERTS / 4);
        ProcessHandle.of(notifier.pid()).ifPresent(ProcessHandle::destroyForcibly); // kill -9
        assertThat(notifier.waitFor(10, TimeUnit.SECONDS)).isNotEqualTo(0);
        int beforeKill = received.size();
        assertThat(beforeKill).as("killed mid-batch").isLessThan(ALERTS);

        startNotifier();
        await().atMost(Duration.ofSeconds(120)).until(() -> received.keySet().containsAll(firstBatch));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> received.size() == ALERTS);
        // A delivery the receiver took but whose outcome was not yet in Kafka at the kill is made again,
        // with the same webhook-id: at most the deliveries in flight (notifier.delivery.concurrency-per-subscription).
        long repeatedAfterKill = repeated();
        System.out.printf("NotifierCrashIT: %d of %d alerts had arrived at the kill; %d delivered twice%n", beforeKill,
                ALERTS, repeatedAfterKill);
        assertThat(repeatedAfterKill).as("deliveries repeated after the kill").isLessThanOrEqualTo(4);

        List<String> secondBatch = publishAlerts("Broker restart alert");
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= ALERTS + ALERTS / 4);
        int port = kafka.port();
        kafka.close();
        assertThat(received.size()).as("the broker went while the second batch was under way").isLessThan(2 * ALERTS);
        kafka = LocalKafka.start(dataDir.resolve("kafka"), port);

        await().atMost(Duration.ofSeconds(180)).until(() -> received.keySet().containsAll(secondBatch));
        assertThat(notifier.isAlive()).isTrue();
        assertThat(repeated()).as("deliveries repeated: those after the kill, and none after the broker restart")
                .isEqualTo(repeatedAfterKill);
    }

    private long repeated() {
        return received.values().stream().filter(count -> count.get() > 1).count();
    }

    private List<String> publishAlerts(String titlePrefix) throws IOException {
        return PackagedNotifier.publishAlerts(kafka.bootstrapServers(), ALERTS, titlePrefix);
    }

    private void startNotifier() throws IOException {
        notifier = PackagedNotifier.start(kafka.bootstrapServers(), notifierPort, List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-Dnotifier.subscriptions.crash-hook.target=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                // a slow receiver's pace: alerts are still in flight when the notifier is killed
                "-Dnotifier.delivery.rate-per-subscription=20",
                "-Dquarkus.log.category.\"dev.newsalerts.notifier.client\".level=DEBUG"), dataDir.resolve("notifier.log"));
    }
}
