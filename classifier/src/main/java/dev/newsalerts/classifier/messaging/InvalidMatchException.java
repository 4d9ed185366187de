package dev.newsalerts.classifier.messaging;

/** A {@code news.matches} record that is not an alert; the message is the reason the dead-letter record gives. */
public class InvalidMatchException extends RuntimeException {

    public InvalidMatchException(String message) {
        super(message);
    }
}
