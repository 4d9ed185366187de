package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.FeedbackStore;
import dev.newsalerts.notifier.domain.Feedback;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Reader feedback, kept in the compacted {@code news.feedback} topic (key: alert id; the latest
 * verdict wins) and followed by every instance, so each can show the verdict whoever gave it.
 */
@ApplicationScoped
public class FeedbackTopic implements FeedbackStore {

    /** A verdict waits this long for Kafka, then is answered 503. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final FollowedTable<Feedback> table;
    private final ChannelTopics kafka;

    public FeedbackTopic(@Channel(Channels.FEEDBACK) Emitter<Record<String, String>> emitter, ObjectMapper mapper,
            ChannelTopics kafka) {
        this.table = JsonTables.builder(Topics.FEEDBACK, Feedback.class, mapper, emitter).writeTimeout(WRITE_TIMEOUT).build();
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        table.start(kafka.clientConfig(ConsumerConfig.configNames()));
    }

    void stop(@Observes ShutdownEvent event) {
        table.close();
    }

    @Override
    public void save(Feedback feedback) {
        JsonTables.put(table, feedback.alertId(), feedback);
    }

    @Override
    public Optional<Feedback> get(String alertId) {
        return table.get(alertId);
    }
}
