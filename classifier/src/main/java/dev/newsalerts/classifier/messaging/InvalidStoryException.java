package dev.newsalerts.classifier.messaging;

/** A {@code news.stories} record that is not a readable story; the message is the reason the dead-letter record gives. */
public class InvalidStoryException extends RuntimeException {

    public InvalidStoryException(String message) {
        super(message);
    }
}
