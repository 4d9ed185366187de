package dev.newsalerts.poller.messaging;

import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.poller.app.Leases;
import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The {@link Leases} of this instance, held by {@link FeedLeases} in consumer group
 * {@code poller.scale-out.group-id} on {@code news.feed-state}.
 */
@ApplicationScoped
public class LeaseGroup implements Leases {

    private final ChannelTopics kafka;
    private final PollerConfig.ScaleOut config;
    private volatile FeedLeases leases;

    public LeaseGroup(ChannelTopics kafka, PollerConfig config) {
        this.kafka = kafka;
        this.config = config.scaleOut();
    }

    @Override
    public void start(Listener listener) {
        leases = new FeedLeases(kafka.clientConfig(ConsumerConfig.configNames()), Topics.FEED_STATE, config.groupId(),
                config.sessionTimeout(), new FeedLeases.Listener() {
                    @Override
                    public void assigned(Set<Integer> partitions, Map<Integer, Long> endOffsets) {
                        listener.assigned(partitions, endOffsets);
                    }

                    @Override
                    public void revoked(Set<Integer> partitions) {
                        listener.revoked(partitions);
                    }
                }).start();
    }

    @Override
    public boolean owns(String url) {
        FeedLeases current = leases;
        return current != null && current.owns(url);
    }

    @Override
    public boolean inPartitions(String url, Set<Integer> partitions) {
        FeedLeases current = leases;
        int count = current == null ? 0 : current.partitionCount();
        return count > 0 && partitions.contains(FeedLeases.partitionOf(url, count));
    }

    @Override
    public boolean awaitFirstAssignment(Duration timeout) throws InterruptedException {
        FeedLeases current = leases;
        return current != null && current.awaitFirstAssignment(timeout);
    }

    @Override
    public void close() {
        FeedLeases current = leases;
        if (current != null) {
            current.close();
        }
    }
}
