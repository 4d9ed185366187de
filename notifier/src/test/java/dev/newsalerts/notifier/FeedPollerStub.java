package dev.newsalerts.notifier;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A stand-in for the feed-poller's {@code GET /feeds} on loopback (the real one is another
 * service): two feeds shaped as its {@code FeedView}, one healthy and one failing with a hostile
 * error text. {@link #answer} makes it fail in other ways; {@link #down()} closes its port.
 */
public class FeedPollerStub implements QuarkusTestResourceLifecycleManager {

    public enum Answer { FEEDS, HTTP_503, TOO_BIG }

    public static final String HEALTHY_FEED = "Example Tech News";
    public static final String FAILING_FEED = "Broken <script>alert('feed')</script> feed";
    public static final String FAILING_ERROR = "HTTP 503 from broken.example.org <img src=x onerror=alert('error')>";

    public static volatile Answer answer = Answer.FEEDS;
    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        up();
        return Map.of("notifier.console.feed-poller-url", "http://127.0.0.1:" + port,
                "notifier.console.feed-poller-timeout", "2s",
                "notifier.console.feed-poller-max-size", "64K");
    }

    /** Listening (again, on the same port). */
    public static synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/feeds", exchange -> {
            byte[] body = switch (answer) {
                case FEEDS -> feeds().getBytes(StandardCharsets.UTF_8);
                case HTTP_503 -> "{\"error\": \"starting\"}".getBytes(StandardCharsets.UTF_8);
                case TOO_BIG -> ("[" + "{\"id\": \"x\"},".repeat(10_000) + "{\"id\": \"y\"}]").getBytes(StandardCharsets.UTF_8);
            };
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == Answer.HTTP_503 ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Port closed: connections are refused. */
    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static String feeds() {
        Instant now = Instant.now();
        return """
                [{"id": "a1", "url": "https://example.com/feed.xml", "name": "%s", "language": "en", "interval": "PT5M",
                  "origin": "FILE", "lastPolledAt": "%s", "lastSuccessAt": "%s", "consecutiveFailures": 0, "itemsSeen": 12,
                  "storiesPublished": 12, "polls": 3, "notModifiedShare": 0.5, "nextPollAt": "%s", "polledHere": true},
                 {"id": "b2", "url": "https://broken.example.org/rss", "name": "%s", "interval": "PT5M", "origin": "API",
                  "lastPolledAt": "%s", "lastErrorAt": "%s", "lastError": "%s", "consecutiveFailures": 4, "itemsSeen": 0,
                  "storiesPublished": 0, "polls": 4, "nextPollAt": "%s", "polledHere": true}]
                """.formatted(HEALTHY_FEED, now, now, now.plusSeconds(300), FAILING_FEED, now, now, FAILING_ERROR,
                now.plusSeconds(60));
    }

    @Override
    public void stop() {
        down();
    }
}
