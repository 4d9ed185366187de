package dev.newsalerts.classifier.domain;

/** A rule file that cannot be used; the message names the place and the problem. */
public class RuleFileException extends RuntimeException {

    public RuleFileException(String message) {
        super(message);
    }

    public RuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
