package dev.newsalerts.notifier.client;

import dev.newsalerts.httpapi.RetryAfter;
import dev.newsalerts.notifier.app.DeliveryException;
import dev.newsalerts.notifier.app.TargetRefusedException;
import dev.newsalerts.notifier.config.NotifierConfig;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs a payload to a webhook with the Standard Webhooks headers: {@code webhook-id} (the same on
 * every attempt, so receivers can drop repeats), {@code webhook-timestamp} and, when the
 * subscription has a secret, {@code webhook-signature} ({@link WebhookSignature}). The host is resolved and checked by
 * {@link TargetGuard} and the connection goes to that checked address (the Host header and TLS
 * name stay the URL's). Redirects are not followed; only 2xx counts as delivered; the answer's
 * body is never read. The request carries the alert's trace ({@code traceparent}).
 */
@ApplicationScoped
public class WebhookSender {

    /** Longer requests are capped: a receiver cannot park deliveries for weeks. */
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private final HttpClient client;
    private final TargetGuard guard;
    private final TracePropagation traces;
    private final NotifierConfig.Webhook config;

    public WebhookSender(Vertx vertx, TargetGuard guard, TracePropagation traces, NotifierConfig config) {
        this.guard = guard;
        this.traces = traces;
        this.config = config.webhook();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) this.config.connectTimeout().toMillis())
                .setForceSni(true)
                .setTracingPolicy(TracingPolicy.IGNORE) // the trace headers are set here, from the delivery's trace
                .setMaxPoolSize(64)); // per host: many subscriptions may share one (hooks.slack.com)
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * @param secrets {@code whsec_…}, each signing the delivery; none for an unsigned one
     * @return the receiver's status code, always 2xx
     */
    public int send(String url, List<String> secrets, String messageId, String payload) throws DeliveryException {
        URI uri;
        InetAddress address;
        try {
            uri = guard.parseUrl(url);
            address = guard.resolve(uri);
        } catch (TargetRefusedException e) {
            throw new DeliveryException("refused: " + e.getMessage(), e);
        }
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(pathAndQuery(uri))
                .setFollowRedirects(false)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "news-alerts-notifier/0.1")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp));
        if (!secrets.isEmpty()) {
            request.putHeader("webhook-signature", WebhookSignature.header(secrets, messageId, timestamp, payload));
        }
        traces.toRequest(request::putHeader);
        return exchange(request, payload);
    }

    private int exchange(RequestOptions options, String payload) throws DeliveryException {
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicReference<String> retryAfter = new AtomicReference<>();
        CompletableFuture<Integer> status = client.request(options)
                .compose(request -> {
                    sent.set(request);
                    if (abandoned.get()) { // got a connection only after our timeout: the attempt already failed
                        request.reset();
                        return Future.failedFuture("abandoned");
                    }
                    return request.send(Buffer.buffer(payload));
                })
                .map(response -> {
                    // The status is the answer; the body is dropped as it arrives (no data handler is set:
                    // setting one, or waiting for the end, after a short answer has ended throws).
                    retryAfter.set(response.getHeader("Retry-After"));
                    return response.statusCode();
                })
                .toCompletionStage().toCompletableFuture();
        int code;
        try {
            code = status.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            if (sent.get() != null) {
                sent.get().reset();
            }
            throw new DeliveryException("no answer within " + config.timeout().toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            Log.debugf(cause, "Webhook call to %s failed", options.getHost());
            throw new DeliveryException(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", e);
        }
        if (code < 200 || code > 299) {
            throw new DeliveryException("receiver answered HTTP " + code, code, RetryAfter.delay(retryAfter.get(), Instant.now(), LONGEST_RETRY_AFTER), null);
        }
        return code;
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
