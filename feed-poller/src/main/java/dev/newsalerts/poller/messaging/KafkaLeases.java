package dev.newsalerts.poller.messaging;

import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.LeaseGroup;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.poller.app.Leases;
import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The {@link Leases} of this instance: a {@link LeaseGroup} (consumer group
 * {@code poller.scale-out.group-id} on {@code news.feed-state}, keyed by feed URL) whose keys are
 * the feeds' URLs.
 */
@ApplicationScoped
public class KafkaLeases implements Leases {

    private final ChannelTopics kafka;
    private final PollerConfig.ScaleOut config;
    private volatile LeaseGroup group;

    public KafkaLeases(ChannelTopics kafka, PollerConfig config) {
        this.kafka = kafka;
        this.config = config.scaleOut();
    }

    @Override
    public void start(Listener listener) {
        group = new LeaseGroup(kafka.clientConfig(ConsumerConfig.configNames()), Topics.FEED_STATE, config.groupId(),
                config.sessionTimeout(), new LeaseGroup.Listener() {
                    @Override
                    public void assigned(Set<Integer> partitions, Map<Integer, Long> endOffsets) {
                        listener.assigned(partitions, endOffsets);
                    }

                    @Override
                    public void revoked(Set<Integer> partitions) {
                        listener.revoked(partitions); // lost partitions too, as LeaseGroup.Listener.lost does unless told otherwise
                    }
                }).start();
    }

    @Override
    public boolean owns(String url) {
        LeaseGroup current = group;
        return current != null && current.owns(url);
    }

    @Override
    public boolean inPartitions(String url, Set<Integer> partitions) {
        LeaseGroup current = group;
        int count = current == null ? 0 : current.partitionCount();
        return count > 0 && partitions.contains(LeaseGroup.partitionOf(url, count));
    }

    @Override
    public boolean awaitFirstAssignment(Duration timeout) throws InterruptedException {
        LeaseGroup current = group;
        return current != null && current.awaitFirstAssignment(timeout);
    }

    @Override
    public void close() {
        LeaseGroup current = group;
        if (current != null) {
            current.close();
        }
    }
}
