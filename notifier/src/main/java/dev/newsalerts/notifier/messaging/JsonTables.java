package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.FollowedTable.TableWriteException;
import dev.newsalerts.kafka.OwnWrites;
import dev.newsalerts.notifier.app.KafkaWriteException;
import io.smallrye.reactive.messaging.kafka.Record;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The notifier's compacted topics as {@link FollowedTable}s: values are JSON (the service's
 * {@link ObjectMapper}), written through the topic's outgoing channel and taken back without decoding
 * ({@link OwnWrites}), and a write the broker did not confirm is the ports' {@link KafkaWriteException}.
 */
final class JsonTables {

    private JsonTables() {
    }

    /** A table of {@code type} values kept in {@code topic}, written through {@code emitter}. */
    static <V> FollowedTable.Builder<V> builder(String topic, Class<V> type, ObjectMapper mapper,
            Emitter<Record<String, String>> emitter) {
        OwnWrites<V> own = new OwnWrites<>();
        return FollowedTable.<V>builder(topic, own.orDecode(value -> read(mapper, type, value)))
                .writer((key, value) -> emitter.send(Record.of(key, value == null ? null : own.remember(json(mapper, type, value), value))));
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
