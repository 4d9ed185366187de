package dev.newsalerts.poller.client;

import static dev.newsalerts.poller.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsalerts.poller.LoopbackServer;
import dev.newsalerts.poller.app.FetchException;
import dev.newsalerts.poller.app.FetchResult;
import dev.newsalerts.poller.config.PollerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against real servers on loopback that misbehave. */
class FeedFetcherTest {

    private static final long MAX_BYTES = 64 * 1024;
    private static final long DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

    private final FeedFetcher fetcher = fetcher(MAX_BYTES);
    private final LoopbackServer server = new LoopbackServer();

    record Limits(Duration connectTimeout, Duration timeout, long maxBytes, Optional<List<String>> allowedNetworks)
            implements PollerConfig.Fetch {
        @Override
        public String userAgent() {
            return "news-alerts-test";
        }
    }

    static FeedFetcher fetcher(long maxBytes) {
        return fetcher(maxBytes, List.of("127.0.0.0/8"));
    }

    static FeedFetcher fetcher(long maxBytes, List<String> allowedNetworks) {
        return new FeedFetcher(new Limits(Duration.ofSeconds(2), Duration.ofSeconds(2), maxBytes, Optional.of(allowedNetworks)),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        String url = server.serve("/feed.xml", exchange -> {
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
    void aHundredMebibyteBodyIsCutOffAtTheDefaultCapWhileItStreams() {
        String url = server.serve("/huge.xml", exchange -> streamZeros(exchange, 0));

        assertThatThrownBy(() -> fetcher(DEFAULT_MAX_BYTES).fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessage("response body larger than " + DEFAULT_MAX_BYTES + " bytes")
                .hasFieldOrPropertyWithValue("reason", "too_large");
    }

    @Test
    void aHundredMebibyteBodyAnnouncedByItsLengthIsRefusedBeforeItIsRead() {
        String url = server.serve("/huge.xml", exchange -> streamZeros(exchange, 100L << 20));

        assertThatThrownBy(() -> fetcher(DEFAULT_MAX_BYTES).fetch(url, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("response body of 104857600 bytes (Content-Length) is larger than " + DEFAULT_MAX_BYTES + " bytes");
    }

    @Test
    void aGzipBombIsRefusedOnceDecodedPastTheCap() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            for (int i = 0; i < 256; i++) {
                gzip.write(zeros);
            }
        }
        assertThat(compressed.size()).isLessThan((int) DEFAULT_MAX_BYTES / 10);
        String url = server.serve("/bomb.xml", exchange -> respond(exchange, 200, compressed.toByteArray(),
                "Content-Encoding", "gzip"));

        assertThatThrownBy(() -> fetcher(DEFAULT_MAX_BYTES).fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessage("decompressed body larger than " + DEFAULT_MAX_BYTES + " bytes");
    }

    @Test
    void aServerThatDribblesOneByteASecondTimesOut() {
        String url = server.serve("/slow.xml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(1000); // the hostile server's pace, not a wait in the test
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up, as it should
            }
        });
        long start = System.nanoTime();

        assertThatThrownBy(() -> fetcher.fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessage("no complete response within 2 s")
                .hasFieldOrPropertyWithValue("reason", "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aRedirectLoopIsNamed() {
        server.serve("/a", exchange -> respond(exchange, 302, new byte[0], "Location", "/b"));
        String url = server.serve("/b", exchange -> respond(exchange, 301, new byte[0], "Location", server.url("/a")));

        assertThatThrownBy(() -> fetcher.fetch(url, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("redirect loop: " + url + " -> " + server.url("/a") + " -> " + url)
                .hasFieldOrPropertyWithValue("reason", "redirect");
    }

    @Test
    void fiveRedirectsAreFollowedButASixthIsRefused() {
        for (int i = 0; i < 6; i++) {
            int next = i + 1;
            server.serve("/hop" + i, exchange -> respond(exchange, 307, new byte[0], "Location", "/hop" + next));
        }
        server.serve("/hop6", exchange -> respond(exchange, 200, FEED));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/hop0"), null, null))
                .isInstanceOf(FetchException.class).hasMessageStartingWith("more than 5 redirects: " + server.url("/hop0"));
        assertThat(catchFetch(server.url("/hop1")).body()).isEqualTo(FEED);
    }

    @Test
    void aFeedOnAnInternalAddressIsRefusedBeforeAnyConnection() {
        AtomicInteger calls = new AtomicInteger();
        String url = server.serve("/feed.xml", exchange -> {
            calls.incrementAndGet();
            respond(exchange, 200, FEED);
        });

        assertThatThrownBy(() -> fetcher(MAX_BYTES, List.of()).fetch(url, null, null))
                .isInstanceOf(FetchException.class)
                .hasMessage("127.0.0.1 resolves to 127.0.0.1, a loopback address; only public addresses may be reached"
                        + " (see poller.fetch.allowed-networks)")
                .hasFieldOrPropertyWithValue("reason", "refused_address");
        assertThat(calls).hasValue(0);
    }

    @Test
    void eachRedirectHopIsCheckedSoARedirectToAnInternalAddressIsRefused() {
        FeedFetcher onlyThisLoopbackAddress = fetcher(MAX_BYTES, List.of("127.0.0.1/32"));
        String url = server.serve("/feed.xml", exchange -> respond(exchange, 302, new byte[0],
                "Location", "http://127.0.0.2:" + exchange.getLocalAddress().getPort() + "/secret"));
        String metadata = server.serve("/to-metadata", exchange -> respond(exchange, 301, new byte[0],
                "Location", "http://169.254.169.254/latest/meta-data/"));

        assertThatThrownBy(() -> onlyThisLoopbackAddress.fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("127.0.0.2 resolves to 127.0.0.2, a loopback address")
                .hasFieldOrPropertyWithValue("reason", "refused_address");
        assertThatThrownBy(() -> onlyThisLoopbackAddress.fetch(metadata, null, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("a cloud metadata address");
    }

    @Test
    void permanentRedirectsNameWhereTheFeedMovedAndTemporaryOnesDoNot() {
        server.serve("/new.xml", exchange -> respond(exchange, 200, FEED));
        server.serve("/moved-once.xml", exchange -> respond(exchange, 301, new byte[0], "Location", "/moved-twice.xml"));
        server.serve("/moved-twice.xml", exchange -> respond(exchange, 308, new byte[0], "Location", "/new.xml"));
        server.serve("/for-now.xml", exchange -> respond(exchange, 302, new byte[0], "Location", "/new.xml"));
        server.serve("/for-now-307.xml", exchange -> respond(exchange, 307, new byte[0], "Location", "/new.xml"));
        server.serve("/moved-then-for-now.xml", exchange -> respond(exchange, 301, new byte[0], "Location", "/for-now.xml"));
        server.serve("/for-now-then-moved.xml", exchange -> respond(exchange, 302, new byte[0], "Location", "/moved-twice.xml"));

        assertThat(catchFetch(server.url("/moved-once.xml")).movedTo()).isEqualTo(server.url("/new.xml"));
        assertThat(catchFetch(server.url("/moved-once.xml")).body()).isEqualTo(FEED);
        assertThat(catchFetch(server.url("/for-now.xml")).movedTo()).isNull();
        assertThat(catchFetch(server.url("/for-now-307.xml")).movedTo()).isNull();
        assertThat(catchFetch(server.url("/moved-then-for-now.xml")).movedTo()).isEqualTo(server.url("/for-now.xml"));
        assertThat(catchFetch(server.url("/for-now-then-moved.xml")).movedTo()).isNull();
        assertThat(catchFetch(server.url("/new.xml")).movedTo()).isNull();
    }

    @Test
    void aRedirectAwayFromHttpIsRefused() {
        String url = server.serve("/feed.xml", exchange -> respond(exchange, 302, new byte[0], "Location", "file:///etc/passwd"));

        assertThatThrownBy(() -> fetcher.fetch(url, null, null))
                .isInstanceOf(FetchException.class).hasMessage("redirect to a URL that is not http or https: file:///etc/passwd");
    }

    @Test
    void anErrorStatusIsNamedAndTheNextFetchRecovers() {
        AtomicInteger calls = new AtomicInteger();
        String url = server.serve("/feed.xml", exchange -> respond(exchange, calls.incrementAndGet() == 1 ? 500 : 200, FEED));

        assertThatThrownBy(() -> fetcher.fetch(url, null, null)).hasMessage("HTTP status 500");
        assertThat(catchFetch(url).body()).isEqualTo(FEED);
    }

    @Test
    void a429WithRetryAfterInSecondsSaysWhenToComeBack() {
        String url = server.serve("/feed.xml", exchange -> respond(exchange, 429, new byte[0], "Retry-After", "120"));
        Instant before = Instant.now();

        FetchException error = fetchFailure(url);

        assertThat(error.retryAfter()).hasValueSatisfying(at -> assertThat(at)
                .isBetween(before.plusSeconds(120), Instant.now().plusSeconds(120)));
        assertThat(error).hasMessageStartingWith("HTTP status 429, asked to retry after ");
        assertThat(error.reason()).isEqualTo("retry_after");
    }

    @Test
    void a503WithRetryAfterAsAnHttpDateSaysWhenToComeBack() {
        Instant at = Instant.parse("2031-05-06T07:08:09Z");
        String url = server.serve("/feed.xml", exchange -> respond(exchange, 503, new byte[0],
                "Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC))));

        FetchException error = fetchFailure(url);

        assertThat(error.retryAfter()).contains(at);
        assertThat(error).hasMessage("HTTP status 503, asked to retry after 2031-05-06T07:08:09Z");
    }

    @Test
    void a429WithoutAReadableRetryAfterIsAPlainError() {
        String url = server.serve("/feed.xml", exchange -> respond(exchange, 429, new byte[0], "Retry-After", "soon"));

        FetchException error = fetchFailure(url);

        assertThat(error.retryAfter()).isEmpty();
        assertThat(error).hasMessage("HTTP status 429");
        assertThat(error.reason()).isEqualTo("http_status");
    }

    @Test
    void theValidatorsOfTheLastFetchAreSentAndA304IsNotModified() {
        AtomicReference<String> userAgent = new AtomicReference<>();
        String url = server.serve("/feed.xml", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            boolean same = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
                    && "Tue, 01 Apr 2026 10:00:00 GMT".equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            respond(exchange, same ? 304 : 200, same ? new byte[0] : FEED);
        });

        FetchResult result = catchFetch(url, "\"v1\"", "Tue, 01 Apr 2026 10:00:00 GMT");

        assertThat(result.notModified()).isTrue();
        assertThat(userAgent.get()).isEqualTo("news-alerts-test");
    }

    @Test
    void aHostThatDoesNotResolveIsNamed() {
        assertThatThrownBy(() -> fetcher.fetch("http://no-such-host.invalid/feed.xml", null, null))
                .isInstanceOf(FetchException.class).hasMessage("cannot resolve host no-such-host.invalid")
                .hasFieldOrPropertyWithValue("reason", "network");
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
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(FEED);
        }
        String url = server.serve("/feed.xml", exchange -> respond(exchange, 200, compressed.toByteArray(),
                "Content-Encoding", "gzip", "ETag", "\"v1\""));

        FetchResult result = fetcher.fetch(url, null, null);

        assertThat(result.body()).isEqualTo(FEED);
        assertThat(result.etag()).isEqualTo("\"v1\"");
    }

    /** Writes 100 MiB of zeros from a small buffer, with {@code length} as Content-Length (0: chunked). */
    private static void streamZeros(com.sun.net.httpserver.HttpExchange exchange, long length) {
        byte[] chunk = new byte[64 * 1024];
        try (exchange) {
            exchange.sendResponseHeaders(200, length);
            OutputStream out = exchange.getResponseBody();
            for (long written = 0; written < 100L << 20; written += chunk.length) {
                out.write(chunk);
            }
            out.close();
        } catch (IOException e) {
            // the client hung up, as it should
        }
    }

    private FetchResult catchFetch(String url) {
        return catchFetch(url, null, null);
    }

    private FetchResult catchFetch(String url, String etag, String lastModified) {
        try {
            return fetcher.fetch(url, etag, lastModified);
        } catch (FetchException e) {
            throw new AssertionError("fetch failed: " + e.getMessage(), e);
        }
    }

    private FetchException fetchFailure(String url) {
        try {
            fetcher.fetch(url, null, null);
        } catch (FetchException e) {
            return e;
        }
        throw new AssertionError("the fetch of " + url + " succeeded");
    }
}
