package dev.newsalerts.poller.client;

import dev.newsalerts.httpapi.RetryAfter;
import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.netguard.AddressRefusedException;
import dev.newsalerts.poller.app.FetchException;
import dev.newsalerts.poller.app.FetchResult;
import dev.newsalerts.poller.app.Fetcher;
import dev.newsalerts.poller.config.PollerConfig;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Fetches feeds over HTTP with the limits a crawler of strangers' servers needs: connect and
 * whole-response timeouts (redirects included), a body size cap that also holds after
 * decompression, at most {@value #MAX_REDIRECTS} redirects with loops named as such, conditional
 * GET, and the {@code Retry-After} of a 429 or 503 passed on to the caller. The host of the feed and
 * of every redirect is resolved and checked by the {@link AddressGuard} before it is contacted
 * (SSRF). The JDK client resolves the host again itself, through the JVM's address cache that the
 * check has just filled (30 s), so a DNS answer changing between check and connection is only
 * possible when that cache entry expires in between; the JDK client cannot be handed the checked
 * address, Vert.x's (the notifier's) can.
 */
@ApplicationScoped
public class FeedFetcher implements Fetcher {

    /** Redirects followed before giving up. */
    public static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> PERMANENT = Set.of(301, 308);
    /** The setting that lets internal networks through, named in refusals. */
    public static final String ALLOWED_NETWORKS = "poller.fetch.allowed-networks";
    private static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";

    private final PollerConfig.Fetch config;
    private final HttpClient client;
    private final Clock clock;
    private final AddressGuard guard;
    private final String accept;

    @Inject
    public FeedFetcher(PollerConfig config, AddressGuard guard) {
        this(config.fetch(), guard, Clock.systemUTC());
    }

    /** A fetcher whose guard lets {@code poller.fetch.allowed-networks} of {@code config} through. */
    public FeedFetcher(PollerConfig.Fetch config, Clock clock) {
        this(config, guard(config), clock);
    }

    public FeedFetcher(PollerConfig.Fetch config, AddressGuard guard, Clock clock) {
        this(config, guard, clock, FEED_ACCEPT);
    }

    /** A fetcher that sends {@code accept} as its {@code Accept} header (article pages ask for HTML). */
    public FeedFetcher(PollerConfig.Fetch config, AddressGuard guard, Clock clock, String accept) {
        this.accept = accept;
        this.config = config;
        this.clock = clock;
        this.guard = guard;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The guard for {@code config}'s allowed networks. */
    public static AddressGuard guard(PollerConfig.Fetch config) {
        return new AddressGuard(config.allowedNetworks().orElse(List.of()), ALLOWED_NETWORKS);
    }

    /**
     * Fetches {@code url}, sending the validators of the previous fetch when there are any. When the
     * answer came through permanent redirects (301, 308) only, up to the first temporary one, the
     * result names where the feed has moved.
     */
    @Override
    public FetchResult fetch(String url, String etag, String lastModified) throws FetchException {
        Instant deadline = clock.instant().plus(config.timeout());
        List<URI> chain = new ArrayList<>(List.of(URI.create(url)));
        URI movedTo = null;
        boolean permanentSoFar = true;
        HttpResponse<byte[]> response = send(request(chain.get(0), etag, lastModified, deadline), chain.get(0), deadline);
        while (REDIRECTS.contains(response.statusCode())) {
            URI next = redirectTarget(response, chain);
            chain.add(next);
            permanentSoFar &= PERMANENT.contains(response.statusCode());
            if (permanentSoFar) {
                movedTo = next;
            }
            response = send(request(next, etag, lastModified, deadline), next, deadline);
        }
        String moved = movedTo == null ? null : movedTo.toString();
        if (response.statusCode() == 304) {
            return FetchResult.unchanged(etag, lastModified).movedTo(moved);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw statusError(response);
        }
        byte[] body = BodyDecoder.decode(response.body(),
                response.headers().firstValue("Content-Encoding").orElse(null), config.maxBytes());
        return new FetchResult(false, body, response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), moved);
    }

    /** Checks that {@code url}'s host resolves to addresses feeds may be fetched from. */
    public void checkAddress(URI uri) throws FetchException {
        try {
            guard.resolve(uri);
        } catch (AddressRefusedException e) {
            throw new FetchException(e.unresolvable() ? "network" : "refused_address", e.getMessage());
        }
    }

    private HttpRequest request(URI uri, String etag, String lastModified, Instant deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(remaining(deadline))
                .header("User-Agent", config.userAgent())
                .header("Accept", accept)
                .header("Accept-Encoding", "gzip, deflate");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        // The poll's trace, if tracing is on: the feed's server sees where the chain of a story's alert began.
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HttpRequest.Builder::header);
        return request.build();
    }

    private URI redirectTarget(HttpResponse<?> response, List<URI> chain) throws FetchException {
        URI from = chain.get(chain.size() - 1);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new FetchException("redirect", "HTTP status " + response.statusCode() + " redirect without a Location"));
        URI next;
        try {
            next = from.resolve(URI.create(location.strip().replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            throw new FetchException("redirect", "redirect to an invalid URL: " + location);
        }
        if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
            throw new FetchException("redirect", "redirect to a URL that is not http or https: " + location);
        }
        if (chain.contains(next)) {
            throw new FetchException("redirect", "redirect loop: " + path(chain) + " -> " + next);
        }
        if (chain.size() > MAX_REDIRECTS) {
            throw new FetchException("redirect", "more than " + MAX_REDIRECTS + " redirects: " + path(chain) + " -> " + next);
        }
        return next;
    }

    private static String path(List<URI> chain) {
        return String.join(" -> ", chain.stream().map(URI::toString).toList());
    }

    private FetchException statusError(HttpResponse<?> response) {
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            Optional<Instant> retryAfter = RetryAfter.at(response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant());
            if (retryAfter.isPresent()) {
                return new FetchException("HTTP status " + status + ", asked to retry after " + retryAfter.get(),
                        retryAfter.get());
            }
        }
        return new FetchException("http_status", "HTTP status " + status);
    }

    private HttpResponse<byte[]> send(HttpRequest request, URI uri, Instant deadline) throws FetchException {
        checkAddress(uri);
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, CappedBodySubscriber.handler(config.maxBytes()));
        try {
            return response.get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new FetchException("timeout", "no complete response within " + config.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fetchException) {
                throw fetchException;
            }
            // The request's own timeout and the wait above end together; whichever fires first, it is a timeout.
            throw new FetchException(cause instanceof HttpTimeoutException ? "timeout" : "network", describe(cause, uri), cause);
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted");
        }
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
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
        if (error instanceof HttpTimeoutException) {
            return "no complete response within " + config.timeout().toSeconds() + " s";
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
