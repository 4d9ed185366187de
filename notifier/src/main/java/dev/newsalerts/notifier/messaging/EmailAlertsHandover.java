package dev.newsalerts.notifier.messaging;

import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.notifier.domain.Channel;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The email alerts' rebalance listener: lets {@link AlertsChannel} finish a partition before it
 * moves, and starts a partition the email group has never committed where the webhook group stands.
 * Before email had a consumer group of its own, the webhook group's offset covered emails too; without
 * this, a notifier upgraded with alerts in Kafka would read them all again for email from the start.
 * A new installation has no offsets in either group and reads from the start.
 */
@ApplicationScoped
@Identifier(EmailAlertsHandover.NAME)
public class EmailAlertsHandover implements KafkaConsumerRebalanceListener {

    static final String NAME = "email-alerts-handover";
    private static final int ADMIN_WAIT_SECONDS = 10;

    private final AlertsChannel alerts;
    private final ChannelTopics topics;
    /** The consumer group of the webhook lane, which read the alerts for email too before email had its own. */
    private final String webhookGroup;

    public EmailAlertsHandover(AlertsChannel alerts, ChannelTopics topics,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.ALERTS + ".group.id") String webhookGroup) {
        this.alerts = alerts;
        this.topics = topics;
        this.webhookGroup = webhookGroup;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> own = consumer.committed(new HashSet<>(partitions));
        Collection<TopicPartition> unread = partitions.stream().filter(partition -> own.get(partition) == null).toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> webhook = webhookOffsets();
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (TopicPartition partition : unread) {
            OffsetAndMetadata offset = webhook.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
                Log.infof("Email alerts of %s start at offset %d, where the webhook group stands", partition, offset.offset());
            }
            start.put(partition, offset != null ? offset : new OffsetAndMetadata(consumer.position(partition)));
        }
        // The start is the email group's own from now on: were the partition to move before email has
        // committed an alert of it, its next owner must not skip ahead to where webhooks are by then.
        try {
            consumer.commitSync(start);
        } catch (RuntimeException e) {
            Log.warnf("Could not commit where email alerts of %s start (%s)", start.keySet(), e.getMessage());
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> webhookOffsets() {
        Map<String, Object> config = topics.clientConfig(AdminClientConfig.configNames());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_WAIT_SECONDS * 1000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ADMIN_WAIT_SECONDS * 1000);
        try (Admin admin = Admin.create(config)) {
            return admin.listConsumerGroupOffsets(webhookGroup).partitionsToOffsetAndMetadata()
                    .get(ADMIN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Log.warnf("Could not read where consumer group %s stands (%s); email alerts start from the group's reset policy",
                    webhookGroup, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Map.of();
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        alerts.handOver(Channel.EMAIL, consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        alerts.forget(Channel.EMAIL, partitions);
    }
}
