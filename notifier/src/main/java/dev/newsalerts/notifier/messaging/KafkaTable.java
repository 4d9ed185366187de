package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.TopicFollower;
import dev.newsalerts.notifier.app.KafkaWriteException;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.Record;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * A map kept in a compacted topic, the way Kafka Connect keeps its state: every instance follows
 * the whole topic and holds the latest value of each key; a write returns once the broker has it
 * (and is visible here at once); a tombstone removes a key.
 */
final class KafkaTable<V> implements AutoCloseable {

    private final String topic;
    private final Class<V> type;
    private final Emitter<Record<String, String>> emitter;
    private final ObjectMapper mapper;
    private final BiConsumer<String, V> onChange;
    private final Duration writeTimeout;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private TopicFollower follower;

    /**
     * @param writeTimeout how long a write waits for the broker's confirmation
     * @param onChange told of every value read or written (null for a removal)
     */
    KafkaTable(String topic, Class<V> type, Emitter<Record<String, String>> emitter, ObjectMapper mapper,
            Duration writeTimeout, BiConsumer<String, V> onChange) {
        this.topic = topic;
        this.type = type;
        this.emitter = emitter;
        this.mapper = mapper;
        this.onChange = onChange;
        this.writeTimeout = writeTimeout;
    }

    void start(Map<String, Object> consumerConfig) {
        follower = new TopicFollower(consumerConfig, topic, this::apply).start();
    }

    boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return follower != null && follower.awaitCaughtUp(timeout);
    }

    boolean isLoaded() {
        return follower != null && follower.isCaughtUp();
    }

    Optional<V> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    Collection<V> values() {
        return values.values();
    }

    /** Drops values from memory only; the topic keeps them until it deletes them itself. */
    void forgetIf(Predicate<V> old) {
        values.values().removeIf(old);
    }

    /** @throws KafkaWriteException when the broker did not confirm it in time */
    void put(String key, V value) {
        write(key, json(value));
        set(key, value);
    }

    void remove(String key) {
        write(key, null);
        set(key, null);
    }

    private void write(String key, String value) {
        try {
            emitter.send(Record.of(key, value)).toCompletableFuture().get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaWriteException("interrupted while writing " + key + " to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaWriteException("Kafka did not confirm " + key + " (" + topic + ") within "
                    + writeTimeout.toSeconds() + " s", e);
        }
    }

    private void set(String key, V value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        onChange.accept(key, value);
    }

    private String json(V value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " is always writable as JSON", e);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            set(record.key(), null);
            return;
        }
        try {
            set(record.key(), mapper.readValue(record.value(), type));
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring unreadable %s %s at %s offset %d: %s", type.getSimpleName(), record.key(), topic,
                    record.offset(), e.getOriginalMessage());
        }
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
    }
}
