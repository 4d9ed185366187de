package dev.newsalerts.notifier.messaging;

import dev.newsalerts.notifier.domain.Channel;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** The webhook alerts' rebalance listener: lets {@link AlertsChannel} finish a partition before it moves. */
@ApplicationScoped
@Identifier(AlertsHandover.NAME)
public class AlertsHandover implements KafkaConsumerRebalanceListener {

    static final String NAME = "alerts-handover";
    /** Longest partitions being handed to another instance wait for their work under way (each is bounded by the send timeouts). */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final AlertsChannel alerts;

    public AlertsHandover(AlertsChannel alerts) {
        this.alerts = alerts;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        alerts.handOver(Channel.WEBHOOK, consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        alerts.forget(Channel.WEBHOOK, partitions);
    }
}
