package dev.newsalerts.classifier.app;

/** The judgements given so far are not all known yet (the broker does not answer, or they are still being read). */
public class FeedbackUnavailableException extends RuntimeException {

    public FeedbackUnavailableException(String message) {
        super(message);
    }
}
