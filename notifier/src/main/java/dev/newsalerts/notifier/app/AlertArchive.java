package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import java.util.Optional;

/** The alerts news.alerts still holds, read back by position (a port: {@code messaging/AlertArchiveTopic}). */
public interface AlertArchive {

    /**
     * @return the alert published at that position; empty when the topic no longer holds it (its
     *         retention dropped it) or never held it
     * @throws AlertArchiveException when Kafka could not be read
     */
    Optional<PublishedAlert> at(AlertPosition position);

    /** Kafka did not answer in time. */
    class AlertArchiveException extends RuntimeException {
        public AlertArchiveException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
