package dev.newsalerts.notifier.messaging;

/** Kafka did not take a write in time; nothing was changed. */
public class KafkaWriteException extends RuntimeException {

    KafkaWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
