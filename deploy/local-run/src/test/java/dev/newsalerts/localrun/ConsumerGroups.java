package dev.newsalerts.localrun;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/** What a test needs to know of a Kafka cluster's consumer groups and topics, through the Admin API. */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers, "request.timeout.ms", 10_000,
                "default.api.timeout.ms", 20_000));
    }

    /** Partitions of {@code topic} held by each member of {@code group}, by member id; members holding none included. */
    Map<String, Set<Integer>> shares(String group, String topic) throws ExecutionException, InterruptedException {
        return describe(group).members().stream().collect(Collectors.toMap(member -> member.consumerId(),
                member -> member.assignment().topicPartitions().stream().filter(partition -> partition.topic().equals(topic))
                        .map(partition -> partition.partition()).collect(Collectors.toSet())));
    }

    /** Whether every member of {@code group} holds some of {@code topic}'s partitions, and there are {@code members} of them. */
    boolean sharedBy(String group, String topic, int members) throws ExecutionException, InterruptedException {
        Map<String, Set<Integer>> shares = shares(group, topic);
        return shares.size() == members && shares.values().stream().noneMatch(Set::isEmpty)
                && shares.values().stream().mapToInt(Set::size).sum() == partitions(topic);
    }

    /** The node that coordinates {@code group} (its offsets and membership). */
    int coordinator(String group) throws ExecutionException, InterruptedException {
        return describe(group).coordinator().id();
    }

    /** The node leading the controller quorum. */
    int activeController() throws ExecutionException, InterruptedException {
        return admin.describeMetadataQuorum().quorumInfo().get().leaderId();
    }

    /** Records of the group's topics not yet committed by it: the end offsets less its committed ones. */
    long lag(String group) throws ExecutionException, InterruptedException {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return 0;
        }
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        return committed.entrySet().stream().mapToLong(entry -> ends.get(entry.getKey()).offset()
                - (entry.getValue() == null ? 0 : entry.getValue().offset())).sum();
    }

    int partitions(String topic) throws ExecutionException, InterruptedException {
        return topics(List.of(topic)).get(topic).partitions().size();
    }

    /** Replication factor of each topic not internal to Kafka, by name. */
    Map<String, Integer> replicationFactors() throws ExecutionException, InterruptedException {
        Map<String, Integer> factors = new TreeMap<>();
        topics(admin.listTopics().names().get()).forEach((name, description) -> factors.put(name,
                description.partitions().stream().mapToInt(partition -> partition.replicas().size()).min().orElse(0)));
        return factors;
    }

    /** Partitions (topic-partition) that have no leader or fewer than {@code minInSync} replicas in sync. */
    List<String> underReplicated(int minInSync) throws ExecutionException, InterruptedException {
        return topics(admin.listTopics().names().get()).values().stream().flatMap(topic -> topic.partitions().stream()
                .filter(partition -> partition.leader() == null || partition.isr().size() < minInSync)
                .map((TopicPartitionInfo partition) -> topic.name() + "-" + partition.partition())).sorted().toList();
    }

    @Override
    public void close() {
        admin.close();
    }

    private ConsumerGroupDescription describe(String group) throws ExecutionException, InterruptedException {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    }

    private Map<String, TopicDescription> topics(Collection<String> names) throws ExecutionException, InterruptedException {
        return admin.describeTopics(names).allTopicNames().get();
    }
}
