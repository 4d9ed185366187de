package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.topics.ChannelTopics;
import dev.newsalerts.topics.TopicReader;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * Deliveries parked in Kafka: those waiting for their next attempt ({@code news.deliveries.retry})
 * and those that gave up ({@code news.deliveries.dlq}, with the reason in the
 * {@code dead-letter-reason} header). Each write returns once the broker has it.
 */
@ApplicationScoped
public class ParkedDeliveries {

    /**
     * A delivery's outcome waits this long for the broker, longer than the producer's own retries
     * (delivery.timeout.ms, 2 min), so a broker restart delays deliveries rather than failing them.
     */
    static final Duration WRITE_TIMEOUT = Duration.ofMinutes(3);
    public static final String REASON_HEADER = "dead-letter-reason";

    private final Emitter<String> retries;
    private final Emitter<String> deadLetters;
    private final ObjectMapper mapper;
    private final ChannelTopics kafka;

    public ParkedDeliveries(@Channel(Topics.DELIVERY_RETRIES_OUT_CHANNEL) Emitter<String> retries,
            @Channel(Topics.DELIVERIES_DLQ_CHANNEL) Emitter<String> deadLetters, ObjectMapper mapper, ChannelTopics kafka) {
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.kafka = kafka;
    }

    public void retryLater(Delivery delivery) {
        send(retries, delivery, new RecordHeaders());
    }

    public void deadLetter(Delivery delivery, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        send(deadLetters, delivery, headers);
    }

    /** The latest dead letter of each delivery of a subscription, oldest first. */
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

    private Optional<Delivery> readable(String json) {
        try {
            return Optional.of(mapper.readValue(json, Delivery.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // an unreadable retry record parked by the connector, not a delivery
        }
    }

    private void send(Emitter<String> emitter, Delivery delivery, RecordHeaders headers) {
        String json;
        try {
            json = mapper.writeValueAsString(delivery);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delivery is always writable as JSON", e);
        }
        Message<String> message = Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(delivery.subscriptionId()).withHeaders(headers).build());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(message.withAck(() -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        try {
            acked.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaWriteException("interrupted while parking delivery " + delivery.deliveryId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaWriteException("Kafka did not take delivery " + delivery.deliveryId() + " within "
                    + WRITE_TIMEOUT.toSeconds() + " s", e);
        }
    }
}
