package dev.newsalerts.classifier.messaging;

import dev.newsalerts.kafka.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The {@code news.matches} rebalance listener. An instance taking the clustering over from one that
 * stopped must know every place that one wrote to {@code news.clusters} before it places a story
 * itself, or a copy written in its predecessor's last moments could start a second cluster. On an
 * assignment it notes where {@code news.clusters} ends; {@link ClusterStage} waits until the table
 * has read that far.
 */
@ApplicationScoped
@Identifier(ClusterHandover.NAME)
public class ClusterHandover implements KafkaConsumerRebalanceListener {

    static final String NAME = "clusters-handover";

    private final ClusterTable clusters;

    public ClusterHandover(ClusterTable clusters) {
        this.clusters = clusters;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> clusterPartitions = consumer.partitionsFor(Topics.CLUSTERS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        Map<Integer, Long> ends = consumer.endOffsets(clusterPartitions).entrySet().stream()
                .collect(Collectors.toMap(end -> end.getKey().partition(), Map.Entry::getValue));
        clusters.readUpTo(ends);
    }
}
