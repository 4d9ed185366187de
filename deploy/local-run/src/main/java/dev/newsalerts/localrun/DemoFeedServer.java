package dev.newsalerts.localrun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves the bundled sample feed on loopback, so the demo needs no internet, a second outlet's feed
 * with copies of two of its stories (one cluster each), and the article page
 * one of its items links to ({@value #ARTICLE_PATH}), so the demo feed's full text is read offline too.
 */
public final class DemoFeedServer implements AutoCloseable {

    private static final String FEED = "demo/feed.xml";
    /** A second outlet carrying copies of some of the feed's stories: the demo of clusters. */
    private static final String WIRE = "demo/wire.xml";
    private static final String ARTICLE = "demo/article.html";
    /** Where the sample article is served. */
    public static final String ARTICLE_PATH = "/articles/cloud-contract-changes";
    /** The address the feed's item names for the article, replaced by this server's own when served. */
    private static final String ARTICLE_HOST = "http://demo-articles.invalid";
    private final HttpServer server;

    private DemoFeedServer(HttpServer server) {
        this.server = server;
    }

    public static DemoFeedServer start() throws IOException {
        byte[] article = resource(ARTICLE);
        String feedText = new String(resource(FEED), StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] feed = feedText.replace(ARTICLE_HOST, "http://127.0.0.1:" + server.getAddress().getPort())
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/feed.xml", exchange -> send(exchange, "application/rss+xml; charset=utf-8", feed));
        server.createContext(ARTICLE_PATH, exchange -> send(exchange, "text/html; charset=utf-8", article));
        byte[] wire = resource(WIRE);
        server.createContext("/wire.xml", exchange -> send(exchange, "application/rss+xml; charset=utf-8", wire));
        server.start();
        return new DemoFeedServer(server);
    }

    public String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    public String wireUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/wire.xml";
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoFeedServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the local-run jar");
            }
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
