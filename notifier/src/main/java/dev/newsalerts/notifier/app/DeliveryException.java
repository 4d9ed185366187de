package dev.newsalerts.notifier.app;

import java.time.Duration;

/** A delivery that did not succeed; the message says why. */
public class DeliveryException extends Exception {

    private final int status;
    private final Duration retryAfter;

    public DeliveryException(String message) {
        this(message, 0, null, null);
    }

    public DeliveryException(String message, Throwable cause) {
        this(message, 0, null, cause);
    }

    public DeliveryException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The receiver's HTTP status, or 0 when it gave none (refused, unreachable, timed out, email). */
    public int status() {
        return status;
    }

    /** How long the receiver asked us to wait (Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
