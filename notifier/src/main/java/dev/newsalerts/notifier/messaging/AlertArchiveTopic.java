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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads one alert back from news.alerts by its partition and offset, for a feedback link whose alert
 * this instance no longer holds. The partition's first and end offsets (Kafka's admin client) say
 * whether the topic still holds it; then the library's {@link TopicReader} reads the partitions'
 * tails from there, which it can do without a consumer of our own. It reads the same number of last
 * records of every partition (TopicReader has no read of one offset), so a link for an old alert
 * costs more: beyond {@link #MAX_TAIL} records it is refused rather than read.
 */
@ApplicationScoped
public class AlertArchiveTopic implements AlertArchive {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Most records read back per partition for one link. */
    static final long MAX_TAIL = 100_000;

    private final ChannelTopics kafka;
    private final AlertReader reader;

    public AlertArchiveTopic(ChannelTopics kafka, AlertReader reader) {
        this.kafka = kafka;
        this.reader = reader;
    }

    @Override
    public Optional<PublishedAlert> at(AlertPosition position) {
        TopicPartition partition = new TopicPartition(Topics.ALERTS, position.partition());
        long first;
        long end;
        Map<String, Object> adminConfig = kafka.clientConfig(AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            first = offset(admin, partition, OffsetSpec.earliest());
            end = offset(admin, partition, OffsetSpec.latest());
        } catch (UnknownTopicOrPartitionException e) {
            return Optional.empty();
        } catch (KafkaException e) {
            throw new AlertArchiveException("reading the offsets of " + partition + " failed: " + e.getMessage(), e);
        }
        if (position.offset() < first || position.offset() >= end) {
            Log.debugf("%s holds offsets %d to %d, not %d", partition, first, end - 1, position.offset());
            return Optional.empty();
        }
        long tail = end - position.offset();
        if (tail > MAX_TAIL) {
            throw new AlertArchiveException(Topics.ALERTS + " holds " + tail + " records after " + position.ref()
                    + ", more than one request reads back (" + MAX_TAIL + ")", null);
        }
        try {
            for (ConsumerRecord<String, String> record : TopicReader.read(kafka.clientConfig(ConsumerConfig.configNames()),
                    Topics.ALERTS, tail, TIMEOUT)) {
                if (record.partition() == position.partition() && record.offset() == position.offset()) {
                    return readable(record.value(), position);
                }
            }
        } catch (KafkaException e) {
            throw new AlertArchiveException("reading " + partition + " failed: " + e.getMessage(), e);
        }
        return Optional.empty(); // deleted between the offsets and the read
    }

    private Optional<PublishedAlert> readable(String value, AlertPosition position) {
        try {
            return value == null ? Optional.empty() : Optional.of(reader.read(value, position));
        } catch (IllegalArgumentException e) {
            Log.warnf("%s at %s is no alert: %s", Topics.ALERTS, position.ref(), e.getMessage());
            return Optional.empty();
        }
    }

    private static long offset(Admin admin, TopicPartition partition, OffsetSpec spec) {
        try {
            return admin.listOffsets(Map.of(partition, spec)).partitionResult(partition)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlertArchiveException("interrupted while reading the offsets of " + partition, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException unknown) {
                throw unknown;
            }
            throw new AlertArchiveException("reading the offsets of " + partition + " failed: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new AlertArchiveException("Kafka did not give the offsets of " + partition + " within "
                    + TIMEOUT.toSeconds() + " s", e);
        }
    }
}
