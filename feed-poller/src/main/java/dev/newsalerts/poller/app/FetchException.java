package dev.newsalerts.poller.app;

import java.time.Instant;
import java.util.Optional;

/**
 * A feed could not be fetched; the message says why in words a feed owner understands, the
 * {@link #reason()} in a word a metric can count: {@code timeout}, {@code network},
 * {@code too_large}, {@code redirect}, {@code http_status}, {@code retry_after}, {@code decoding},
 * {@code refused_address} (an internal address, see {@code poller.fetch.allowed-networks}) or {@code interrupted}.
 */
public class FetchException extends Exception {

    private final String reason;
    private final transient Instant retryAfter;

    public FetchException(String reason, String message) {
        this(reason, message, (Throwable) null);
    }

    public FetchException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = null;
    }

    /** @param retryAfter when the server asked (429 or 503 with {@code Retry-After}) not to be asked again before */
    public FetchException(String message, Instant retryAfter) {
        super(message);
        this.reason = "retry_after";
        this.retryAfter = retryAfter;
    }

    /** The kind of failure, one word for metrics. */
    public String reason() {
        return reason;
    }

    /** The time before which the server asked not to be fetched again, when it named one. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
