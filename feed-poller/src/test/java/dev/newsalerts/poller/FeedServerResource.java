package dev.newsalerts.poller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on loopback serving one RSS feed whose content a test sets, under two URLs
 * ({@code /feed.xml} and {@code /mirror.xml}, both in the feed list); supports ETags. Feeds under
 * {@code /extra/} are for tests that add feeds; {@code /moved/NAME} answers 301 and
 * {@code /for-now/NAME} 302, both to {@code /extra/NAME}.
 */
public class FeedServerResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicReference<String> FEED = new AtomicReference<>("");
    private static final AtomicInteger NOT_MODIFIED = new AtomicInteger();
    private static final AtomicReference<String[]> FAILURE = new AtomicReference<>();
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static String feedUrl;
    private HttpServer server;

    public static void serve(String rss) {
        FEED.set(rss);
        FAILURE.set(null);
    }

    /** Answers every request with {@code status} and the header name/value pairs given, until the next {@link #serve}. */
    public static void failWith(int status, String... headers) {
        String[] failure = new String[headers.length + 1];
        failure[0] = Integer.toString(status);
        System.arraycopy(headers, 0, failure, 1, headers.length);
        FAILURE.set(failure);
    }

    public static String feedUrl() {
        return feedUrl;
    }

    /** A URL of a feed that is not in the feed list: {@code name} under {@code /extra/}, always one story, no ETag. */
    public static String extraFeedUrl(String name) {
        return feedUrl.replace("/feed.xml", "/extra/" + name);
    }

    /** Requests for {@code path} so far. */
    public static int requests(String path) {
        return REQUESTS.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The URL of {@code path} on this server. */
    public static String url(String path) {
        return feedUrl.replace("/feed.xml", path);
    }

    public static int notModifiedAnswers() {
        return NOT_MODIFIED.get();
    }

    public static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test feed</title>"
                + String.join("", items) + "</channel></rss>";
    }

    public static String item(String slug, String title) {
        return "<item><title>" + title + "</title><link>https://news.example.com/" + slug + "</link>"
                + "<description>Summary of " + title + "</description></item>";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            com.sun.net.httpserver.HttpHandler handler = exchange -> {
                String[] failure = FAILURE.get();
                if (failure != null) {
                    for (int i = 1; i + 1 < failure.length; i += 2) {
                        exchange.getResponseHeaders().set(failure[i], failure[i + 1]);
                    }
                    exchange.sendResponseHeaders(Integer.parseInt(failure[0]), -1);
                    exchange.close();
                    return;
                }
                String body = FEED.get();
                String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    NOT_MODIFIED.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            };
            server.createContext("/feed.xml", handler);
            server.createContext("/mirror.xml", handler);
            server.createContext("/moved/", exchange -> redirect(exchange, 301, "/moved/"));
            server.createContext("/for-now/", exchange -> redirect(exchange, 302, "/for-now/"));
            server.createContext("/extra/", exchange -> {
                count(exchange);
                byte[] bytes = rss(item("extra" + exchange.getRequestURI().getPath(), "Story of an extra feed"))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            feedUrl = base + "/feed.xml";
            Path feeds = Files.createTempFile("feeds", ".yaml");
            Files.writeString(feeds, "feeds:\n  - url: " + feedUrl + "\n    name: Test feed\n    language: en\n"
                    + "  - url: " + base + "/mirror.xml\n    name: Mirror of the test feed\n");
            return Map.of("poller.feeds-file", feeds.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void count(HttpExchange exchange) {
        REQUESTS.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger()).incrementAndGet();
    }

    private static void redirect(HttpExchange exchange, int status, String prefix) throws IOException {
        count(exchange);
        exchange.getResponseHeaders().set("Location", "/extra/" + exchange.getRequestURI().getPath().substring(prefix.length()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
