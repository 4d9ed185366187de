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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two notifier instances sharing the work, with every delivery failing once so that it goes
 * through the retry topics: a second instance joins, then the first one is stopped, both while
 * alerts and retries are under way. Partitions move twice; every delivery still arrives, and none
 * twice.
 */
class NotifierHandoverIT {

    private static final int ALERTS = 40;
    private static final List<String> HOOKS = List.of("a", "b", "c", "d");

    @TempDir
    Path dataDir;

    /** Per hook and webhook-id: requests seen, and those answered 2xx. */
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Instant> lastRequest = new AtomicReference<>(Instant.now());
    private HttpServer receiver;
    private LocalKafka kafka;
    private final List<ChildJvm> notifiers = new ArrayList<>();

    @BeforeEach
    void startBrokerAndReceiver() throws Exception {
        kafka = LocalKafka.start(dataDir.resolve("kafka"), 0);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String delivery = exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("webhook-id");
            requests.computeIfAbsent(delivery, key -> new AtomicInteger()).incrementAndGet();
            lastRequest.set(Instant.now());
            if (failedOnce.add(delivery)) {
                exchange.sendResponseHeaders(500, -1); // every delivery's first attempt fails: it goes through a retry topic
            } else {
                delivered.computeIfAbsent(delivery, key -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopEverything() throws IOException {
        notifiers.forEach(ChildJvm::close);
        receiver.stop(0);
        kafka.close();
        for (int i = 0; i < notifiers.size(); i++) {
            Files.copy(dataDir.resolve("notifier-" + i + ".log"), Path.of("target", "NotifierHandoverIT-" + i + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void noDeliveryIsLostOrRepeatedWhenInstancesJoinAndLeaveWhileRetriesAreUnderWay() throws Exception {
        ChildJvm first = startNotifier();
        PackagedNotifier.publishAlerts(kafka.bootstrapServers(), ALERTS, "Handover test alert");
        int expected = ALERTS * HOOKS.size();

        await().atMost(Duration.ofSeconds(60)).until(() -> failedOnce.size() >= expected / 4);
        startNotifier();
        int beforeLeaving = delivered.size();
        assertThat(beforeLeaving).as("still under way when the second instance is ready").isLessThan(expected);
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() > beforeLeaving);
        first.close(); // SIGTERM: its partitions are handed over
        int atLeave = delivered.size();

        await().atMost(Duration.ofSeconds(180)).until(() -> delivered.size() == expected);
        await().atMost(Duration.ofSeconds(60)).until(() -> lastRequest.get().isBefore(Instant.now().minusSeconds(5)));
        System.out.printf("NotifierHandoverIT: %d of %d deliveries made when the second instance was ready, %d when the"
                + " first left; %d requests in all%n", beforeLeaving, expected, atLeave,
                requests.values().stream().mapToInt(AtomicInteger::get).sum());
        assertThat(atLeave).as("still under way when the first instance left").isLessThan(expected);
        assertThat(repeated()).as("deliveries that arrived twice").isEmpty();
    }

    private List<String> repeated() {
        return delivered.entrySet().stream().filter(entry -> entry.getValue().get() > 1).map(Map.Entry::getKey).toList();
    }

    private ChildJvm startNotifier() throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-Dnotifier.delivery.retry-schedule=1s,2s,4s,8s,16s",
                // a slow pace, so that deliveries are still under way when instances come and go, even where a
                // second JVM takes long to start on a busy machine (at 4 a second all were done first once)
                "-Dnotifier.delivery.rate-per-subscription=2"));
        for (String hook : HOOKS) {
            options.add("-Dnotifier.subscriptions.hook-" + hook + ".target=http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/hook/" + hook);
        }
        ChildJvm notifier = PackagedNotifier.start(kafka.bootstrapServers(), PackagedNotifier.freePort(), options,
                dataDir.resolve("notifier-" + notifiers.size() + ".log"));
        notifiers.add(notifier);
        return notifier;
    }
}
