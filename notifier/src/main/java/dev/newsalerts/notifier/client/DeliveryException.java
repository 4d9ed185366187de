package dev.newsalerts.notifier.client;

/** A delivery that did not succeed; the message says why. */
public class DeliveryException extends Exception {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
