package dev.newsalerts.notifier.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** The alerts channel's rebalance listener: lets {@link AlertDispatcher} finish a partition before it moves. */
@ApplicationScoped
@Identifier(AlertsHandover.NAME)
public class AlertsHandover implements KafkaConsumerRebalanceListener {

    static final String NAME = "alerts-handover";

    private final AlertDispatcher dispatcher;

    public AlertsHandover(AlertDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        dispatcher.handOver(consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        dispatcher.forget(partitions);
    }
}
