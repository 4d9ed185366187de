package dev.newsalerts.notifier.app;

/** Kafka did not confirm a write in time: it may or may not have been made. */
public class KafkaWriteException extends RuntimeException {

    public KafkaWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
