package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsalerts.kafka.AcknowledgedSend;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.TopicReader;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.KafkaWriteException;
import dev.newsalerts.notifier.app.ParkedDeliveries;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Delivery;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Deliveries parked in Kafka: those waiting for their next attempt (in the {@link RetryTiers} topic
 * their wait belongs in) and those that gave up ({@code news.deliveries.dlq}, with the reason in the
 * {@code dead-letter-reason} header). Each write returns once the broker has it.
 */
@ApplicationScoped
public class ParkedDeliveryTopics implements ParkedDeliveries {

    /**
     * A delivery's outcome waits this long for the broker, longer than the producer's own retries
     * (delivery.timeout.ms, 2 min), so a broker restart delays deliveries rather than failing them.
     */
    static final Duration WRITE_TIMEOUT = Duration.ofMinutes(3);
    public static final String REASON_HEADER = "dead-letter-reason";

    private final Emitter<String> retries;
    private final Emitter<String> deadLetters;
    private final DeliveryJson json;
    private final ChannelTopics kafka;
    private final RetryTiers tiers;

    public ParkedDeliveryTopics(@Channel(Channels.DELIVERY_RETRIES) Emitter<String> retries,
            @Channel(Channels.DELIVERIES_DLQ) Emitter<String> deadLetters, DeliveryJson json, ChannelTopics kafka,
            NotifierConfig config) {
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.json = json;
        this.kafka = kafka;
        this.tiers = new RetryTiers(config.delivery().retrySchedule(), config.delivery().jitter());
    }

    RetryTiers tiers() {
        return tiers;
    }

    @Override
    public void retryLater(Delivery delivery) {
        String topic = tiers.topicFor(Duration.between(Instant.now(), delivery.dueAt()));
        send(retries, topic, delivery.deliveryId(), delivery.subscriptionId(), json.write(delivery), new RecordHeaders());
    }

    @Override
    public void deadLetter(Delivery delivery, String reason) {
        send(deadLetters, Topics.DELIVERIES_DLQ, delivery.deliveryId(), delivery.subscriptionId(), json.write(delivery),
                reasonHeader(reason));
    }

    /** A record of a retry topic that is not a delivery, kept as it was. */
    void deadLetterUnreadable(String key, String value, String reason) {
        send(deadLetters, Topics.DELIVERIES_DLQ, "with key " + key, key, value, reasonHeader(reason));
    }

    private static RecordHeaders reasonHeader(String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Override
    public List<Delivery> deadLettersOf(String subscriptionId) {
        Map<String, Delivery> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : TopicReader.read(kafka.clientConfig(ConsumerConfig.configNames()),
                Topics.DELIVERIES_DLQ, Long.MAX_VALUE, Duration.ofSeconds(30))) {
            if (subscriptionId.equals(record.key()) && record.value() != null) {
                readable(record.value()).ifPresent(delivery -> latest.put(delivery.deliveryId(), delivery));
            }
        }
        return new ArrayList<>(latest.values());
    }

    private Optional<Delivery> readable(String value) {
        try {
            return Optional.of(json.read(value));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // an unreadable retry record parked by the connector, not a delivery
        }
    }

    private void send(Emitter<String> emitter, String topic, String what, String key, String value, RecordHeaders headers) {
        Message<String> message = Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build())
                .addMetadata(TracingMetadata.withCurrent(Context.current())); // the record carries the alert's trace
        try {
            AcknowledgedSend.send(emitter, message).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaWriteException("interrupted while parking delivery " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaWriteException("Kafka did not take delivery " + what + " within "
                    + WRITE_TIMEOUT.toSeconds() + " s", e);
        }
    }
}
