package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.newsalerts.localkafka.ChildJvm;
import dev.newsalerts.localkafka.LocalKafka;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load harness of the notifier (not part of the build: {@code ./mvnw -pl deploy/local-run -Pload verify}
 * after {@code ./mvnw install -DskipTests}). The packaged notifier on a real broker delivers alerts
 * to 100 webhook subscriptions on loopback receivers: once with all receivers fast, once with one
 * receiver that accepts connections and never answers. Prints deliveries per second to the fast
 * receivers and appends them to {@code target/delivery-load.txt}.
 */
class DeliveryLoad {

    private static final int SUBSCRIBERS = 100;
    private static final int WARM_UP_ALERTS = 20;
    private static final int ALERTS = 300;

    @TempDir
    Path dataDir;

    private final AtomicInteger fastDeliveries = new AtomicInteger();
    private final AtomicLong lastDeliveryNanos = new AtomicLong();
    private final List<Socket> heldConnections = new ArrayList<>();
    private final ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
    private HttpServer receiver;
    private ServerSocket deadReceiver;
    private LocalKafka kafka;
    private ChildJvm notifier;
    private int notifierPort;

    @BeforeEach
    void start() throws Exception {
        kafka = LocalKafka.start(dataDir.resolve("kafka"), 0);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            fastDeliveries.incrementAndGet();
            lastDeliveryNanos.set(System.nanoTime());
        });
        receiver.setExecutor(receiverThreads);
        receiver.start();
        deadReceiver = new ServerSocket(0, 512, java.net.InetAddress.getLoopbackAddress());
        Thread accepter = new Thread(() -> {
            while (!deadReceiver.isClosed()) {
                try {
                    heldConnections.add(deadReceiver.accept()); // accepted, never read, never answered
                } catch (IOException e) {
                    return;
                }
            }
        }, "dead-receiver");
        accepter.setDaemon(true);
        accepter.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (notifier != null) {
            notifier.close();
        }
        receiver.stop(0);
        receiverThreads.shutdownNow();
        deadReceiver.close();
        kafka.close();
    }

    @Test
    void hundredFastReceivers() throws Exception {
        measure("100 fast receivers", false);
    }

    @Test
    void ninetyNineFastReceiversAndOneThatNeverAnswers() throws Exception {
        measure("99 fast receivers + 1 that never answers", true);
    }

    private void measure(String scenario, boolean oneDead) throws Exception {
        startNotifier(oneDead);
        int fastPerAlert = oneDead ? SUBSCRIBERS - 1 : SUBSCRIBERS;
        publish(WARM_UP_ALERTS);
        await().atMost(Duration.ofMinutes(2)).until(() -> fastDeliveries.get() >= WARM_UP_ALERTS * fastPerAlert);

        int before = fastDeliveries.get();
        long start = System.nanoTime();
        publish(ALERTS);
        int expected = before + ALERTS * fastPerAlert;
        await().atMost(Duration.ofMinutes(5)).until(() -> fastDeliveries.get() >= expected);
        double seconds = (lastDeliveryNanos.get() - start) / 1e9;
        double rate = ALERTS * fastPerAlert / seconds;
        String line = String.format("%s: %d alerts x %d fast receivers = %d deliveries in %.2f s: %.0f deliveries/s%n",
                scenario, ALERTS, fastPerAlert, ALERTS * fastPerAlert, seconds, rate);
        line += "  " + deliveryOutcomes() + System.lineSeparator();
        System.out.print(line);
        Files.writeString(Path.of("target", "delivery-load.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(fastDeliveries.get()).as("each fast receiver gets each alert once").isEqualTo(expected);
    }

    /** The notifier's own count of deliveries by outcome (/q/metrics), to tell where time went. */
    private String deliveryOutcomes() throws IOException, InterruptedException {
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + notifierPort + "/q/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("notifier_deliveries_total{"))
                .map(line -> line.replaceAll("notifier_deliveries_total\\{[^}]*outcome=\"(\\w+)\"[^}]*\\} (\\S+).*", "$1=$2"))
                .sorted().collect(java.util.stream.Collectors.joining(", ", "outcomes: ", ""));
    }

    private void publish(int count) throws IOException {
        PackagedNotifier.publishAlerts(kafka.bootstrapServers(), count, "Load test alert");
    }

    private void startNotifier(boolean oneDead) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx512m",
                "-Dnotifier.delivery.rate-per-subscription=1000",
                "-Dquarkus.log.category.\"dev.newsalerts.notifier.app.AlertDispatcher\".level=WARN"));
        for (int i = 0; i < SUBSCRIBERS; i++) {
            String target = oneDead && i == 0 ? "http://127.0.0.1:" + deadReceiver.getLocalPort() + "/hook"
                    : "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/" + i;
            options.add("-Dnotifier.subscriptions.load-" + i + ".target=" + target);
        }
        notifierPort = PackagedNotifier.freePort();
        notifier = PackagedNotifier.start(kafka.bootstrapServers(), notifierPort, options, dataDir.resolve("notifier.log"));
    }
}
