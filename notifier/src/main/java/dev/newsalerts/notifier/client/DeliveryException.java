package dev.newsalerts.notifier.client;

/** A delivery that did not succeed; the message says why. */
public class DeliveryException extends Exception {

    private final int status;

    public DeliveryException(String message) {
        this(message, 0, null);
    }

    public DeliveryException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public DeliveryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The receiver's HTTP status, or 0 when it gave none (refused, unreachable, timed out). */
    public int status() {
        return status;
    }
}
