package dev.newsalerts.kafka;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A map kept in a compacted topic, the way Kafka Connect keeps its state: every instance follows
 * the whole topic (from the beginning, then every record any instance writes, without a consumer
 * group) and holds the latest value of each key; a tombstone removes a key. Values are decoded by
 * the service's {@link Decoder}; an unreadable one is logged and skipped. Writes go through the
 * service's {@link Writer} (its outgoing channel, typically) and are visible here at once.
 */
public final class FollowedTable<V> implements AutoCloseable {

    /** What a follower fetching in batches asks for at a time ({@link Builder#fetchInBatches}). */
    static final int BATCH_BYTES = 64 * 1024;

    /** Turns a record's value into the table's value. */
    @FunctionalInterface
    public interface Decoder<V> {
        /** @throws Exception when the value is unreadable: it is logged and skipped */
        V decode(String value) throws Exception;
    }

    /** Writes a record to the table's topic. */
    @FunctionalInterface
    public interface Writer<V> {
        /** @param value null for a tombstone; @return completes once the broker has the record */
        CompletionStage<Void> write(String key, V value);
    }

    /** Where a change came from. */
    public enum Origin {
        /** Read while catching up with what the topic held when following started. */
        STARTUP,
        /** Read afterwards: written by any instance, this one included. */
        FOLLOWED,
        /** Written through this table (told again when its record is read back). */
        WRITTEN
    }

    /** Told of every value read or written, on the thread that read or wrote it. */
    @FunctionalInterface
    public interface Listener<V> {
        /**
         * @param value the value read or written, null for a removal; under a merge rule, whether
         *        or not it was kept ({@link #get} tells what is held)
         */
        void changed(String key, V value, Origin origin);
    }

    private final String topic;
    private final Decoder<V> decoder;
    private final Writer<V> writer;
    private final BinaryOperator<V> merge;
    private final Listener<V> listener;
    private final Duration writeTimeout;
    private final Duration batchWait;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final ReadProgress progress = new ReadProgress();
    private volatile TopicFollower follower;

    private FollowedTable(Builder<V> builder) {
        this.topic = builder.topic;
        this.decoder = builder.decoder;
        this.writer = builder.writer;
        this.merge = builder.merge;
        this.listener = builder.listener;
        this.writeTimeout = builder.writeTimeout;
        this.batchWait = builder.batchWait;
    }

    public static <V> Builder<V> builder(String topic, Decoder<V> decoder) {
        return new Builder<>(topic, decoder);
    }

    /** Starts following the topic on a thread of its own. */
    public FollowedTable<V> start(Map<String, Object> clientConfig) {
        Map<String, Object> config = clientConfig;
        if (batchWait != null) {
            config = new HashMap<>(clientConfig);
            config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, BATCH_BYTES);
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) batchWait.toMillis());
        }
        follower = new TopicFollower(config, topic, this::apply).start();
        return this;
    }

    /** @return whether everything the topic held when following started has been read */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        TopicFollower current = follower;
        return current != null && current.awaitCaughtUp(timeout);
    }

    public boolean isLoaded() {
        TopicFollower current = follower;
        return current != null && current.isCaughtUp();
    }

    /**
     * Waits until the topic has been read up to the given end offsets (by partition), so that what
     * any instance wrote before them is known here.
     *
     * @return false when that did not happen within {@code timeout}
     */
    public boolean awaitReadUpTo(Map<Integer, Long> endOffsets, Duration timeout) throws InterruptedException {
        return progress.awaitReadUpTo(endOffsets, timeout);
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The values held now (a live, unmodifiable view). */
    public Collection<V> values() {
        return Collections.unmodifiableCollection(values.values());
    }

    /** The keys and values held now (a live, unmodifiable view). */
    public Map<String, V> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Drops values from memory only; the topic keeps them until it deletes them itself. */
    public void forgetIf(Predicate<V> forget) {
        values.values().removeIf(forget);
    }

    /**
     * Holds the value here at once, then writes it.
     *
     * @param value null to remove the key (a tombstone)
     * @return completes once the broker has it; when it fails, the value stays held here
     */
    public CompletionStage<Void> write(String key, V value) {
        Writer<V> topicWriter = writer();
        set(key, value, Origin.WRITTEN);
        return topicWriter.write(key, value);
    }

    /**
     * Writes the value and holds it here once the broker has it.
     *
     * @throws TableWriteException when the broker did not confirm it within the write timeout; nothing changed here
     */
    public void put(String key, V value) {
        await(key, writer().write(key, value));
        set(key, value, Origin.WRITTEN);
    }

    /** Writes a tombstone and removes the key here once the broker has it; see {@link #put}. */
    public void remove(String key) {
        put(key, null);
    }

    private Writer<V> writer() {
        if (writer == null) {
            throw new IllegalStateException("the table of " + topic + " has no writer");
        }
        return writer;
    }

    private void await(String key, CompletionStage<Void> written) {
        try {
            written.toCompletableFuture().get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableWriteException("interrupted while writing " + key + " to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new TableWriteException("Kafka did not confirm " + key + " (" + topic + ") within "
                    + writeTimeout.toSeconds() + " s", e);
        }
    }

    private void set(String key, V value, Origin origin) {
        if (value == null) {
            values.remove(key);
        } else if (origin == Origin.WRITTEN || merge == null) {
            values.put(key, value);
        } else {
            values.merge(key, value, merge);
        }
        try {
            listener.changed(key, value, origin);
        } catch (RuntimeException e) {
            Log.errorf(e, "The listener of %s failed on %s", topic, key);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            if (record.key() == null) {
                Log.debugf("Ignoring a record without a key at %s-%d offset %d", topic, record.partition(), record.offset());
                return;
            }
            Origin origin = isLoaded() ? Origin.FOLLOWED : Origin.STARTUP;
            V value = record.value() == null ? null : decoder.decode(record.value());
            set(record.key(), value, origin);
        } catch (Exception e) {
            Log.warnf("Ignoring the unreadable value of %s at %s-%d offset %d: %s", record.key(), topic, record.partition(),
                    record.offset(), e.getMessage());
        } finally {
            progress.read(record.partition(), record.offset());
        }
    }

    @Override
    public void close() {
        TopicFollower current = follower;
        if (current != null) {
            current.close();
        }
    }

    /** How a table is made; only the topic and the decoder are required. */
    public static final class Builder<V> {

        private final String topic;
        private final Decoder<V> decoder;
        private Writer<V> writer;
        private BinaryOperator<V> merge;
        private Listener<V> listener = (key, value, origin) -> { };
        private Duration writeTimeout = Duration.ofSeconds(15);
        private Duration batchWait;

        private Builder(String topic, Decoder<V> decoder) {
            this.topic = topic;
            this.decoder = decoder;
        }

        /** How this instance writes to the topic; without one, the table is read-only. */
        public Builder<V> writer(Writer<V> writer) {
            this.writer = writer;
            return this;
        }

        /**
         * Which value to hold when one is read for a key that has one: {@code keep.apply(held, read)}.
         * Without a rule, the value read replaces the one held. Writes through this table and
         * tombstones always replace.
         */
        public Builder<V> merge(BinaryOperator<V> keep) {
            this.merge = keep;
            return this;
        }

        public Builder<V> listener(Listener<V> listener) {
            this.listener = listener;
            return this;
        }

        /** How long {@link FollowedTable#put} waits for the broker (15 s unless set). */
        public Builder<V> writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        /**
         * For a table written many times a second: its follower asks the broker for
         * {@value FollowedTable#BATCH_BYTES} bytes at a time, or what there is after {@code wait}, instead of each
         * record or two as it comes (following the delivery log so took 8% of the notifier's CPU at
         * 1,000 stories/s, most of it in fetching). Writes through this table are held at once; the
         * other instances' are seen up to {@code wait} later.
         */
        public Builder<V> fetchInBatches(Duration wait) {
            this.batchWait = wait;
            return this;
        }

        public FollowedTable<V> build() {
            return new FollowedTable<>(this);
        }
    }

    /** The broker did not confirm a write in time (or refused it); the table did not change. */
    public static final class TableWriteException extends RuntimeException {
        TableWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
