package dev.newsalerts.kafka;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a (typically compacted) topic on a thread of its own: reads it from the beginning, then
 * every record written to it afterwards, by any instance, handing each to a callback. Joins no
 * consumer group and commits nothing, so every instance sees the whole topic; {@link #awaitCaughtUp}
 * tells when what the topic held at start-up has been read. Waits for the broker and the topic
 * when they are not there yet.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String topic;
    private final Map<String, Object> config;
    private final Consumer<ConsumerRecord<String, String>> onRecord;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    /** The offset after the last record handed over, per partition. Follower thread only. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean closed;

    /** @param clientConfig the application's Kafka settings ({@link ChannelTopics#clientConfig}) */
    public TopicFollower(Map<String, Object> clientConfig, String topic, Consumer<ConsumerRecord<String, String>> onRecord) {
        this.topic = topic;
        this.onRecord = onRecord;
        this.config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // an offset deleted meanwhile: from the start
        this.thread = new Thread(this::run, "follow-" + topic);
        thread.setDaemon(true);
    }

    public TopicFollower start() {
        thread.start();
        return this;
    }

    /** @return whether everything the topic held when following started has been handed over */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    private void run() {
        while (!closed) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                Log.warnf("Following %s failed (%s); trying again in %d s", topic, e.getMessage(), RETRY.toSeconds());
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty()) {
            partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                pause(); // the topic is created by ChannelTopics, possibly a moment from now
            }
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        // After a failure, carry on where it stopped: reading again from the beginning would replay
        // older values over newer ones for a while.
        partitions.stream().filter(next::containsKey).forEach(partition -> kafka.seek(partition, next.get(partition)));
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
        while (!closed) {
            for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                onRecord.accept(record);
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            if (caughtUp.getCount() > 0 && partitions.stream().allMatch(p -> kafka.position(p) >= end.get(p))) {
                caughtUp.countDown();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis()); // waiting for the broker or the topic, not for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops following; the thread closes its consumer itself (interrupting it would make that close fail). */
    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
