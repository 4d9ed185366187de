package dev.newsalerts.poller.client;

import java.time.Instant;
import java.util.Optional;

/** A feed could not be fetched; the message says why in words a feed owner understands. */
public class FetchException extends Exception {

    private final transient Instant retryAfter;

    public FetchException(String message) {
        this(message, (Instant) null);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    /** @param retryAfter when the server asked (429 or 503 with {@code Retry-After}) not to be asked again before */
    public FetchException(String message, Instant retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The time before which the server asked not to be fetched again, when it named one. */
    public Optional<Instant> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
