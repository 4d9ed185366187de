package dev.newsalerts.notifier.app;

/**
 * A subscription's webhook secrets cannot be stored or read back: the key that encrypts them at rest
 * is not configured. The message names the setting (and the key id), never a secret or a key.
 */
public class SecretsUnavailableException extends RuntimeException {

    public SecretsUnavailableException(String message) {
        super(message);
    }
}
