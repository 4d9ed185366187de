package dev.newsalerts.notifier.app;

/** A webhook target that is not a URL, does not resolve, or points at an internal network. */
public class TargetRefusedException extends Exception {

    public TargetRefusedException(String message) {
        super(message);
    }
}
