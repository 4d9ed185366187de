package dev.newsalerts.classifier.app;

/** The recent stories cannot be read now (the broker does not answer); the message says why. */
public class StoriesUnavailableException extends RuntimeException {

    public StoriesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
