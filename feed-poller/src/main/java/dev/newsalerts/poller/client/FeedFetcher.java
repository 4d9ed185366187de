package dev.newsalerts.poller.client;

import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;

/**
 * Fetches feeds over HTTP with the limits a crawler of strangers' servers needs: connect and
 * whole-response timeouts, a body size cap that also holds after decompression, at most five
 * redirects (the JDK client's limit) and conditional GET.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

    private final PollerConfig.Fetch config;
    private final HttpClient client;

    @Inject
    public FeedFetcher(PollerConfig config) {
        this(config.fetch());
    }

    FeedFetcher(PollerConfig.Fetch config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Fetches {@code url}, sending the validators of the previous fetch when there are any. */
    public FetchResult fetch(String url, String etag, String lastModified) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip, deflate");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<byte[]> response = send(request.build(), URI.create(url));
        String newEtag = response.headers().firstValue("ETag").orElse(null);
        String newLastModified = response.headers().firstValue("Last-Modified").orElse(null);
        if (response.statusCode() == 304) {
            return FetchResult.unchanged(etag, lastModified);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new FetchException("HTTP status " + response.statusCode());
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        byte[] body = decoded(response.body(), encoding);
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        return new FetchResult(false, body, contentType, newEtag, newLastModified);
    }

    private HttpResponse<byte[]> send(HttpRequest request, URI uri) throws FetchException {
        CompletableFuture<HttpResponse<byte[]>> response =
                client.sendAsync(request, info -> new CappedBodySubscriber(config.maxBytes()));
        try {
            return response.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new FetchException("no complete response within " + config.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fetchException) {
                throw fetchException;
            }
            throw new FetchException(describe(cause, uri), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted");
        }
    }

    private byte[] decoded(byte[] body, String encoding) throws FetchException {
        InputStream decoder;
        try {
            decoder = switch (encoding.strip().toLowerCase(Locale.ROOT)) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
                case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
                default -> null;
            };
            if (decoder == null) {
                return body;
            }
            try (InputStream in = decoder) {
                byte[] decodedBody = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBytes() + 1));
                if (decodedBody.length > config.maxBytes()) {
                    throw new FetchException("decompressed body larger than " + config.maxBytes() + " bytes");
                }
                return decodedBody;
            }
        } catch (IOException e) {
            throw new FetchException("cannot decode " + encoding + " body: " + e.getMessage(), e);
        }
    }

    /** A network failure in words a feed owner understands. */
    private String describe(Throwable error, URI uri) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String host = uri.getHost();
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return "cannot resolve host " + host;
        }
        if (error instanceof HttpConnectTimeoutException) {
            return "no connection to " + host + " within " + config.connectTimeout().toSeconds() + " s";
        }
        if (error instanceof ConnectException) {
            return "cannot connect to " + host + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        if (error instanceof SSLException || root instanceof SSLException) {
            return "TLS with " + host + " failed: " + root.getMessage();
        }
        String name = error.getClass().getSimpleName();
        return error.getMessage() == null ? name : name + ": " + error.getMessage();
    }
}
