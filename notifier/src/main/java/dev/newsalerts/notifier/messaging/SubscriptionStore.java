package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.config.DeclaredSubscriptions;
import dev.newsalerts.notifier.domain.Subscription;
import dev.newsalerts.topics.ChannelTopics;
import dev.newsalerts.topics.TopicFollower;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Every subscription: those made through the API, kept in the compacted {@code news.subscriptions}
 * topic (key: id; a tombstone deletes) and followed by every instance, plus those declared in
 * configuration ({@link DeclaredSubscriptions}). An instance rebuilds the set from the topic at
 * start-up; alerts wait until it has ({@link #awaitLoaded}).
 */
@ApplicationScoped
public class SubscriptionStore {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Subscription> stored = new ConcurrentHashMap<>();
    private final Map<String, Subscription> declared = new ConcurrentHashMap<>();
    private final Emitter<Record<String, String>> emitter;
    private final ObjectMapper mapper;
    private final ChannelTopics kafka;
    private TopicFollower follower;

    public SubscriptionStore(@Channel(Topics.SUBSCRIPTIONS_CHANNEL) Emitter<Record<String, String>> emitter,
            ObjectMapper mapper, ChannelTopics kafka, DeclaredSubscriptions declaredSubscriptions) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.kafka = kafka;
        declaredSubscriptions.all().forEach(subscription -> declared.put(subscription.id(), subscription));
    }

    void start(@Observes StartupEvent event) {
        follower = new TopicFollower(kafka.clientConfig(ConsumerConfig.configNames()), Topics.SUBSCRIPTIONS, this::apply).start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    /** Waits until the subscriptions the topic held at start-up are known. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return follower != null && follower.awaitCaughtUp(timeout);
    }

    public boolean isLoaded() {
        return follower != null && follower.isCaughtUp();
    }

    /** All subscriptions, configured ones first, then by creation. */
    public List<Subscription> all() {
        return Stream.concat(declared.values().stream().sorted(Comparator.comparing(Subscription::name)),
                stored.values().stream().sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id)))
                .toList();
    }

    public Optional<Subscription> get(String id) {
        return Optional.ofNullable(declared.containsKey(id) ? declared.get(id) : stored.get(id));
    }

    /** Writes a subscription made or changed through the API; returns once the broker has it. */
    public void save(Subscription subscription) {
        write(subscription.id(), json(subscription));
        stored.put(subscription.id(), subscription);
    }

    public void delete(String id) {
        write(id, null);
        stored.remove(id);
    }

    /** Stops deliveries to a subscription, saying why (a 410 from its receiver, say). */
    public void disable(Subscription subscription, String reason) {
        Subscription disabled = subscription.disabled(reason, Instant.now());
        if (declared.containsKey(subscription.id())) {
            declared.put(subscription.id(), disabled); // until the next start, which re-reads the configuration
        } else {
            save(disabled);
        }
        Log.warnf("Subscription %s (%s) disabled: %s", subscription.id(), subscription.name(), reason);
    }

    private void write(String id, String value) {
        try {
            emitter.send(Record.of(id, value)).toCompletableFuture().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubscriptionStoreException("interrupted while saving subscription " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SubscriptionStoreException("Kafka did not take subscription " + id + " within "
                    + WRITE_TIMEOUT.toSeconds() + " s", e);
        }
    }

    private String json(Subscription subscription) {
        try {
            return mapper.writeValueAsString(subscription);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a subscription is always writable as JSON", e);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            stored.remove(record.key());
            return;
        }
        try {
            stored.put(record.key(), mapper.readValue(record.value(), Subscription.class));
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring unreadable subscription %s at %s offset %d: %s", record.key(), Topics.SUBSCRIPTIONS,
                    record.offset(), e.getOriginalMessage());
        }
    }

    /** Kafka did not take a change in time; nothing was changed. */
    public static class SubscriptionStoreException extends RuntimeException {
        SubscriptionStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
