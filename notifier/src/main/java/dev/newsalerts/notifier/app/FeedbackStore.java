package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Feedback;
import java.util.Optional;

/** The latest verdict on each alert, kept in the compacted news.feedback (a port: {@code messaging/FeedbackTopic}). */
public interface FeedbackStore {

    /**
     * Writes the verdict; returns once the broker has it.
     *
     * @throws KafkaWriteException when the broker did not confirm it in time
     */
    void save(Feedback feedback);

    /** The latest verdict on an alert, from any instance. */
    Optional<Feedback> get(String alertId);
}
