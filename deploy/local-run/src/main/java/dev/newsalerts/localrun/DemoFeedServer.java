package dev.newsalerts.localrun;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/** Serves the bundled sample feed on loopback, so the demo needs no internet. */
public final class DemoFeedServer implements AutoCloseable {

    private static final String FEED = "demo/feed.xml";
    private final HttpServer server;

    private DemoFeedServer(HttpServer server) {
        this.server = server;
    }

    public static DemoFeedServer start() throws IOException {
        byte[] feed;
        try (InputStream in = DemoFeedServer.class.getClassLoader().getResourceAsStream(FEED)) {
            if (in == null) {
                throw new IllegalStateException(FEED + " is missing from the local-run jar");
            }
            feed = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed);
            }
        });
        server.start();
        return new DemoFeedServer(server);
    }

    public String feedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
