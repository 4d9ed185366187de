package dev.newsalerts.notifier.messaging;

import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.TopicReader;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.AlertArchive;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one alert back from news.alerts by its partition and offset ({@link TopicReader#readAt}),
 * for a feedback link whose alert this instance no longer holds.
 */
@ApplicationScoped
public class AlertArchiveTopic implements AlertArchive {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ChannelTopics kafka;
    private final AlertReader reader;

    public AlertArchiveTopic(ChannelTopics kafka, AlertReader reader) {
        this.kafka = kafka;
        this.reader = reader;
    }

    @Override
    public Optional<PublishedAlert> at(AlertPosition position) {
        TopicPartition partition = new TopicPartition(Topics.ALERTS, position.partition());
        Optional<ConsumerRecord<String, String>> record;
        try {
            record = TopicReader.readAt(kafka.clientConfig(ConsumerConfig.configNames()), partition, position.offset(), TIMEOUT);
        } catch (KafkaException e) {
            throw new AlertArchiveException("reading " + partition + " at " + position.offset() + " failed: " + e.getMessage(), e);
        }
        return record.flatMap(found -> readable(found.value(), position));
    }

    private Optional<PublishedAlert> readable(String value, AlertPosition position) {
        try {
            return value == null ? Optional.empty() : Optional.of(reader.read(value, position));
        } catch (IllegalArgumentException e) {
            Log.warnf("%s at %s is no alert: %s", Topics.ALERTS, position.ref(), e.getMessage());
            return Optional.empty();
        }
    }
}
