package dev.newsalerts.poller.client;

/** A feed could not be fetched; the message says why in words a feed owner understands. */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
