package dev.newsalerts.notifier;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real webhook receiver on loopback that records what it is sent, under {@code /hook} and any path
 * below it, with the status it answered: bodies containing "FAIL-ME" get HTTP 500, paths ending in
 * {@code /gone} HTTP 410, {@code /too-large} HTTP 413, paths containing {@code /switch} HTTP 503 while {@link #switchDown} is set,
 * the first request to a path ending in {@code /busy} HTTP 429 with Retry-After: 2, and everything
 * else 204.
 */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    public record Delivery(String path, Map<String, List<String>> headers, String body, int status, Instant at) {
        public boolean succeeded() {
            return status / 100 == 2;
        }
    }

    /** While true, {@code /switch} paths answer 503. */
    public static volatile boolean switchDown;

    private static final Map<String, Integer> ANSWERS = new ConcurrentHashMap<>();

    public static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(randomBytes());
    private static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    public static List<Delivery> deliveries() {
        return List.copyOf(DELIVERIES);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            boolean firstAtPath = DELIVERIES.stream().noneMatch(delivery -> delivery.path().equals(path));
            int status = ANSWERS.containsKey(path) ? ANSWERS.get(path) : path.endsWith("/gone") ? 410 : path.endsWith("/too-large") ? 413 : body.contains("FAIL-ME") ? 500
                    : path.contains("/switch") && switchDown ? 503 : path.endsWith("/busy") && firstAtPath ? 429 : 204;
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "2");
            }
            DELIVERIES.add(new Delivery(path, Map.copyOf(exchange.getRequestHeaders()), body, status, Instant.now()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return Map.of(
                "notifier.subscriptions.test-hook.target", url(),
                "notifier.subscriptions.test-hook.secret", SECRET);
    }

    /** From now on, {@code path} (under the receiver's URL) answers {@code status}; null to answer as usual again. */
    public static void answer(String path, Integer status) {
        if (status == null) {
            ANSWERS.remove("/hook" + path);
        } else {
            ANSWERS.put("/hook" + path, status);
        }
    }

    /** The receiver's URL; paths under it are recorded too. */
    public static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
