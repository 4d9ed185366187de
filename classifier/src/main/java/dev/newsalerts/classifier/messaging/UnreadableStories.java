package dev.newsalerts.classifier.messaging;

import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_DLQ;
import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON;

import dev.newsalerts.classifier.domain.Story;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * Sends a record {@link StoryDeserializer} refused to {@code news.stories.dlq}: marks it for the
 * connector's dead-letter queue with the reason (its {@code dead-letter-reason}) and keeps its bytes
 * in one header, which {@link StorySerializer} writes back as the dead-letter value. The connector's
 * own handling keeps the bytes in three places (value and two headers), so a story over a third of
 * the broker's record size limit could not be parked and the consumer would stop.
 */
@ApplicationScoped
@Identifier(UnreadableStories.NAME)
public class UnreadableStories implements DeserializationFailureHandler<Story> {

    /** Named by {@code mp.messaging.incoming.stories.value-deserialization-failure-handler}. */
    public static final String NAME = "unreadable-stories";

    @Override
    public Story decorateDeserialization(Uni<Story> deserialization, String topic, boolean isKey, String deserializer,
            byte[] data, Headers headers) {
        try {
            return deserialization.await().indefinitely();
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            Log.debugf("Unreadable story on %s: %s", topic, reason);
            headers.add(DESERIALIZATION_FAILURE_DLQ, TRUE_VALUE);
            headers.add(DESERIALIZATION_FAILURE_REASON, reason.getBytes(StandardCharsets.UTF_8));
            headers.add(StorySerializer.AS_SENT, data);
            return null;
        }
    }
}
