package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.FollowedTable.TableWriteException;
import dev.newsalerts.notifier.app.KafkaWriteException;
import io.smallrye.reactive.messaging.kafka.Record;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The notifier's compacted topics as {@link FollowedTable}s: values are JSON (the service's
 * {@link ObjectMapper}), written through the topic's outgoing channel, and a write the broker did
 * not confirm is the ports' {@link KafkaWriteException}.
 */
final class JsonTables {

    private JsonTables() {
    }

    /** A table of {@code type} values kept in {@code topic}, written through {@code emitter}. */
    static <V> FollowedTable.Builder<V> builder(String topic, Class<V> type, ObjectMapper mapper,
            Emitter<Record<String, String>> emitter) {
        OwnWrites<V> own = new OwnWrites<>();
        return FollowedTable.<V>builder(topic, value -> {
                    V written = own.readBack(value);
                    return written != null ? written : read(mapper, type, value);
                })
                .writer((key, value) -> emitter.send(Record.of(key, value == null ? null : own.remember(json(mapper, type, value), value))));
    }

    /**
     * A table's own writes, by their JSON, until the table reads them back: what it reads is then the
     * value it wrote, not decoded again (decoding the delivery log's own records took 6% of the
     * notifier's CPU at 1,000 stories/s). Values are immutable records, so the one written serves.
     */
    static final class OwnWrites<V> {

        /** Writes not read back yet: more means the follower is far behind or writes failed, and they start over. */
        static final int LIMIT = 4096;

        private final Map<String, V> byJson = new ConcurrentHashMap<>();

        String remember(String json, V value) {
            if (byJson.size() >= LIMIT) {
                byJson.clear();
            }
            byJson.put(json, value);
            return json;
        }

        /** @return the value written as {@code json}, once; null when this table did not write it (or no longer knows) */
        V readBack(String json) {
            return byJson.remove(json);
        }
    }

    /** @throws KafkaWriteException when the broker did not confirm it in time; nothing changed */
    static <V> void put(FollowedTable<V> table, String key, V value) {
        try {
            table.put(key, value);
        } catch (TableWriteException e) {
            throw new KafkaWriteException(e.getMessage(), e.getCause());
        }
    }

    /**
     * Holds the value in the table at once and writes it without waiting.
     *
     * @return completes once the broker has it; fails with {@link KafkaWriteException} when it did not confirm within {@code timeout}
     */
    static <V> CompletableFuture<Void> write(FollowedTable<V> table, String key, V value, Duration timeout) {
        return table.write(key, value).toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(new KafkaWriteException(
                        "Kafka did not confirm " + key + " within " + timeout.toSeconds() + " s", failure)));
    }

    /** @throws KafkaWriteException when the broker did not confirm it in time; nothing changed */
    static void remove(FollowedTable<?> table, String key) {
        try {
            table.remove(key);
        } catch (TableWriteException e) {
            throw new KafkaWriteException(e.getMessage(), e.getCause());
        }
    }

    private static <V> V read(ObjectMapper mapper, Class<V> type, String value) {
        try {
            return mapper.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static <V> String json(ObjectMapper mapper, Class<V> type, V value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " is always writable as JSON", e);
        }
    }
}
