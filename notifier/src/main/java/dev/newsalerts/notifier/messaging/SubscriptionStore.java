package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.DeclaredSubscriptions;
import dev.newsalerts.notifier.app.Subscriptions;
import dev.newsalerts.notifier.domain.Subscription;
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
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Every subscription: those made through the API, kept in the compacted {@code news.subscriptions}
 * topic (key: id) and followed by every instance, plus those declared in configuration
 * ({@link DeclaredSubscriptions}). An instance rebuilds the set from the topic at start-up;
 * alerts wait until it has ({@link #awaitLoaded}).
 */
@ApplicationScoped
public class SubscriptionStore implements Subscriptions {

    /** An API call waits this long for Kafka, then answers 503. */
    private static final Duration API_WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final FollowedTable<Subscription> stored;
    private final Map<String, Subscription> declared = new ConcurrentHashMap<>();
    private final ChannelTopics kafka;

    public SubscriptionStore(@Channel(Channels.SUBSCRIPTIONS) Emitter<Record<String, String>> emitter,
            ObjectMapper mapper, ChannelTopics kafka, DeclaredSubscriptions declaredSubscriptions) {
        this.stored = JsonTables.builder(Topics.SUBSCRIPTIONS, Subscription.class, mapper, emitter)
                .writeTimeout(API_WRITE_TIMEOUT).build();
        this.kafka = kafka;
        declaredSubscriptions.all().forEach(subscription -> declared.put(subscription.id(), subscription));
    }

    void start(@Observes StartupEvent event) {
        stored.start(kafka.clientConfig(ConsumerConfig.configNames()));
    }

    void stop(@Observes ShutdownEvent event) {
        stored.close();
    }

    /** Waits until the subscriptions the topic held at start-up are known. */
    @Override
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return stored.awaitLoaded(timeout);
    }

    @Override
    public List<Subscription> all() {
        return Stream.concat(declared.values().stream().sorted(Comparator.comparing(Subscription::name)),
                stored.values().stream().sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id)))
                .toList();
    }

    @Override
    public Optional<Subscription> get(String id) {
        return declared.containsKey(id) ? Optional.of(declared.get(id)) : stored.get(id);
    }

    /** Writes a subscription made or changed through the API; returns once the broker has it. */
    @Override
    public void save(Subscription subscription) {
        JsonTables.put(stored, subscription.id(), subscription);
    }

    @Override
    public void delete(String id) {
        JsonTables.remove(stored, id);
    }

    @Override
    public void disable(Subscription subscription, String reason) {
        Subscription disabled = subscription.disabled(reason, Instant.now());
        if (declared.containsKey(subscription.id())) {
            declared.put(subscription.id(), disabled); // until the next start, which re-reads the configuration
        } else {
            save(disabled);
        }
        Log.warnf("Subscription %s (%s) disabled: %s", subscription.id(), subscription.name(), reason);
    }
}
