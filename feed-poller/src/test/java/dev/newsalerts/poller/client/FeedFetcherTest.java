package dev.newsalerts.poller.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.newsalerts.poller.config.PollerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against real servers on loopback that misbehave. */
class FeedFetcherTest {

    private static final long MAX_BYTES = 64 * 1024;

    private final FeedFetcher fetcher = new FeedFetcher(new Limits(Duration.ofSeconds(2), Duration.ofSeconds(2), MAX_BYTES));
    private HttpServer server;

    record Limits(Duration connectTimeout, Duration timeout, long maxBytes) implements PollerConfig.Fetch {
        @Override
        public String userAgent() {
            return "news-alerts-test";
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aBodyOverTheCapIsRefused() throws IOException {
        String url = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[(int) MAX_BYTES * 4]);
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("larger than " + MAX_BYTES + " bytes");
    }

    @Test
    void aGzipBombIsRefusedOnceDecodedPastTheCap() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(new byte[(int) MAX_BYTES * 100]);
        }
        assertThat(compressed.size()).isLessThan((int) MAX_BYTES);
        String url = serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, compressed.size());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(compressed.toByteArray());
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("decompressed body larger than");
    }

    @Test
    void aServerThatDribblesItsBodyTimesOut() throws IOException {
        String url = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up, as it should
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("no complete response within 2 s");
    }

    @Test
    void anErrorStatusIsNamed() throws IOException {
        String url = serve(exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });

        assertThatThrownBy(() -> fetcher.fetch(url, null, null)).hasMessage("HTTP status 503");
    }

    @Test
    void aHostThatDoesNotResolveIsNamed() {
        assertThatThrownBy(() -> fetcher.fetch("http://no-such-host.invalid/feed.xml", null, null))
                .isInstanceOf(FetchException.class).hasMessage("cannot resolve host no-such-host.invalid");
    }

    @Test
    void aRefusedConnectionIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + closedPort + "/feed.xml", null, null))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("cannot connect to 127.0.0.1");
    }

    @Test
    void aGzippedFeedIsDecoded() throws Exception {
        byte[] feed = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(feed);
        }
        String url = serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, compressed.size());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(compressed.toByteArray());
            }
        });

        FetchResult result = fetcher.fetch(url, null, null);

        assertThat(result.body()).isEqualTo(feed);
        assertThat(result.etag()).isEqualTo("\"v1\"");
    }

    private String serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", handler);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }
}
