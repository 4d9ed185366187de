package dev.newsalerts.notifier.app;

/** A verdict that is not recorded, and why; nothing was written. */
public class FeedbackRefusedException extends RuntimeException {

    public enum Reason {
        /** The link's signature is missing or wrong, or links are off (no key). */
        BAD_SIGNATURE,
        /** This instance does not know the alert. */
        UNKNOWN_ALERT,
        /** news.alerts no longer holds the alert the link names. */
        GONE
    }

    private final Reason reason;

    public FeedbackRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
