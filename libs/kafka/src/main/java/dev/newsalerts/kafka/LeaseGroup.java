package dev.newsalerts.kafka;

import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * A share of the partitions of a topic, held as a lease: every instance joins one consumer group
 * on the topic and holds the keys that hash (as Kafka's default partitioner hashes a record key) to
 * a partition the group assigned to it, the way Kafka Connect shares its tasks. When an instance
 * leaves, its partitions go to the others at once; when it dies, once its session times out. The
 * consumer reads nothing: its partitions are paused, it only keeps the membership alive.
 */
public final class LeaseGroup implements AutoCloseable {

    /** What the lease holder is told, on the lease thread, which waits for it. */
    public interface Listener {
        /**
         * Partitions just assigned; {@code endOffsets} are the topic's end offsets (every partition)
         * at that moment. The keys of {@code partitions} count as this instance's once this returns.
         */
        void assigned(Set<Integer> partitions, Map<Integer, Long> endOffsets);

        /** Partitions taken away; they no longer count as this instance's when this is called. */
        void revoked(Set<Integer> partitions);

        /**
         * Partitions lost (this instance was out of the group too long, or its membership failed);
         * they no longer count as this instance's. Unless overridden, told as {@link #revoked}.
         */
        default void lost(Set<Integer> partitions) {
            revoked(partitions);
        }
    }

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> config;
    private final Listener listener;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final CountDownLatch firstAssignment = new CountDownLatch(1);
    private final Thread thread;
    private volatile int partitionCount;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean closed;

    /**
     * @param clientConfig the application's Kafka settings ({@link ChannelTopics#clientConfig})
     * @param groupId the consumer group all instances join
     * @param sessionTimeout how long a silent instance keeps its partitions
     */
    public LeaseGroup(Map<String, Object> clientConfig, String topic, String groupId, Duration sessionTimeout,
            Listener listener) {
        this.topic = topic;
        this.listener = listener;
        this.config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, List.of(CooperativeStickyAssignor.class.getName()));
        // The listener may wait for work in progress before the next poll().
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        this.thread = new Thread(this::run, "leases-" + groupId);
        thread.setDaemon(true);
    }

    public LeaseGroup start() {
        thread.start();
        return this;
    }

    /** Whether this instance holds {@code key} now. */
    public boolean owns(String key) {
        int partitions = partitionCount;
        return partitions > 0 && owned.contains(partitionOf(key, partitions));
    }

    /** The partition {@code key} maps to, as Kafka's default partitioner maps a record with that key. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The partitions of the topic, 0 before the first assignment. */
    public int partitionCount() {
        return partitionCount;
    }

    /** The partitions assigned to this instance now. */
    public Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    /** @return whether the group has assigned partitions (possibly none) to this instance at least once */
    public boolean awaitFirstAssignment(Duration timeout) throws InterruptedException {
        return firstAssignment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        while (!closed) {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                kafka.subscribe(List.of(topic), new Rebalance(kafka));
                while (!closed) {
                    kafka.poll(Duration.ofSeconds(1)); // nothing is read: every partition is paused
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                Log.warnf(e, "The membership of %s in its lease group failed; joining again", topic);
                release(Set.copyOf(owned), true);
            }
        }
    }

    private void release(Set<Integer> partitions, boolean lost) {
        if (partitions.isEmpty()) {
            return;
        }
        owned.removeAll(partitions);
        if (lost) {
            listener.lost(partitions);
        } else {
            listener.revoked(partitions);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> kafka;

        Rebalance(KafkaConsumer<byte[], byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            kafka.pause(kafka.assignment());
            List<TopicPartition> all = kafka.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            partitionCount = all.size();
            if (!assigned.isEmpty()) {
                Map<Integer, Long> ends = kafka.endOffsets(all).entrySet().stream()
                        .collect(Collectors.toMap(end -> end.getKey().partition(), Map.Entry::getValue));
                Set<Integer> partitions = numbers(assigned);
                listener.assigned(partitions, ends);
                owned.addAll(partitions);
                Log.infof("This instance now holds partitions %s of %s (of %d)", new TreeSet<>(owned), topic, partitionCount);
            }
            firstAssignment.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (!revoked.isEmpty()) {
                Log.infof("Partitions %s of %s go to another instance", new TreeSet<>(numbers(revoked)), topic);
                release(numbers(revoked), false);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            Log.warnf("Partitions %s of %s were lost (this instance was out of the group too long)",
                    new TreeSet<>(numbers(lost)), topic);
            release(numbers(lost), true);
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }

    /** Leaves the group (its partitions go to the others at once) and stops. */
    @Override
    public void close() {
        closed = true;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
