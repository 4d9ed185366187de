package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.DeclaredSubscriptions;
import dev.newsalerts.notifier.app.DeliveryMetrics;
import dev.newsalerts.notifier.app.KafkaWriteException;
import dev.newsalerts.notifier.app.SecretsUnavailableException;
import dev.newsalerts.notifier.app.Subscriptions;
import dev.newsalerts.notifier.config.NotifierConfig;
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
 * alerts wait until it has ({@link #awaitLoaded}). Webhook secrets are encrypted in the topic
 * ({@link SubscriptionJson}, with the keys of {@code notifier.secrets.*}); everything else here
 * sees them in plain text.
 */
@ApplicationScoped
public class SubscriptionStore implements Subscriptions {

    /** An API call waits this long for Kafka, then answers 503. */
    private static final Duration API_WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final FollowedTable<StoredSubscription> stored;
    private final Map<String, Subscription> declared = new ConcurrentHashMap<>();
    private final DeclaredSubscriptions declaredSubscriptions;
    private final AutoCloseable gauges;
    private final ChannelTopics kafka;
    private final SecretsReencryption reencryption;

    public SubscriptionStore(@Channel(Channels.SUBSCRIPTIONS) Emitter<Record<String, String>> emitter,
            ObjectMapper mapper, ChannelTopics kafka, DeclaredSubscriptions declaredSubscriptions, DeliveryMetrics metrics,
            NotifierConfig config) {
        SecretKeys keys = SecretKeys.of(config.secrets().key(), config.secrets().previousKeys().orElse(List.of()));
        SubscriptionJson json = new SubscriptionJson(mapper, new SecretCipher(keys));
        this.stored = FollowedTable.<StoredSubscription>builder(Topics.SUBSCRIPTIONS, json::read)
                .writer((key, value) -> emitter.send(Record.of(key, value == null ? null : json.write(value.subscription()))))
                .listener(SubscriptionStore::warnIfUnreadable)
                .writeTimeout(API_WRITE_TIMEOUT).build();
        this.kafka = kafka;
        this.reencryption = new SecretsReencryption(stored, keys.current().map(SecretKeys.Key::id).orElse(null));
        declaredSubscriptions.all().forEach(subscription -> declared.put(subscription.id(), subscription));
        this.declaredSubscriptions = declaredSubscriptions;
        this.gauges = metrics.subscriptions(this::all);
    }

    void start(@Observes StartupEvent event) {
        stored.start(kafka.clientConfig(ConsumerConfig.configNames()));
        reencryption.startOnceLoaded();
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        reencryption.stop();
        stored.close();
        gauges.close();
    }

    /** Waits until the subscriptions the topic held at start-up are known. */
    @Override
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return stored.awaitLoaded(timeout);
    }

    @Override
    public List<Subscription> all() {
        return Stream.concat(declared.values().stream().sorted(Comparator.comparing(Subscription::name)),
                stored.values().stream().map(StoredSubscription::subscription)
                        .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id)))
                .toList();
    }

    @Override
    public Optional<Subscription> get(String id) {
        return declared.containsKey(id) ? Optional.of(declared.get(id)) : stored.get(id).map(StoredSubscription::subscription);
    }

    /**
     * Writes a subscription made or changed through the API, its secrets encrypted; returns once the
     * broker has it.
     *
     * @throws SecretsUnavailableException when it has a secret and {@code notifier.secrets.key} is not set, or its
     *         stored secrets could not be decrypted here (writing it would lose them)
     */
    @Override
    public void save(Subscription subscription) {
        Optional<String> unreadable = stored.get(subscription.id()).map(StoredSubscription::unreadable);
        if (unreadable.isPresent()) {
            throw new SecretsUnavailableException("subscription " + subscription.id() + " cannot be changed: "
                    + unreadable.get() + ". Configure that key (" + SecretKeys.PREVIOUS_KEYS_SETTING
                    + ") and restart, or delete the subscription and make it again");
        }
        JsonTables.put(stored, subscription.id(), StoredSubscription.written(subscription));
    }

    @Override
    public void delete(String id) {
        JsonTables.remove(stored, id);
    }

    /** Synchronized: deliveries failing at once on several threads disable it once, and its owner is told once. */
    @Override
    public synchronized boolean disable(Subscription subscription, String reason) {
        Optional<Subscription> current = get(subscription.id());
        if (current.isEmpty() || !current.get().enabled()) {
            return false;
        }
        Subscription disabled = current.get().disabled(reason, Instant.now());
        if (declared.containsKey(subscription.id())) {
            declared.put(subscription.id(), disabled); // until the next start, which re-reads the configuration
        } else {
            try {
                save(disabled);
            } catch (SecretsUnavailableException | KafkaWriteException e) {
                Log.errorf("Subscription %s (%s) should be disabled (%s) but cannot be: %s", subscription.id(),
                        subscription.name(), reason, e.getMessage());
                return false;
            }
        }
        Log.warnf("Subscription %s (%s) disabled: %s", subscription.id(), subscription.name(), reason);
        return true;
    }

    @Override
    public synchronized Subscription enable(Subscription subscription) {
        Subscription enabled;
        if (declared.containsKey(subscription.id())) {
            enabled = declaredSubscriptions.configured(subscription.id()).orElseThrow();
            declared.put(subscription.id(), enabled);
        } else {
            enabled = subscription.enabledAgain(Instant.now());
            save(enabled);
        }
        Log.infof("Subscription %s (%s) enabled", subscription.id(), subscription.name());
        return enabled;
    }

    private static void warnIfUnreadable(String id, StoredSubscription value, FollowedTable.Origin origin) {
        // those read at start-up are told by SecretsReencryption, once the whole topic is read
        if (value != null && value.unreadable() != null && origin == FollowedTable.Origin.FOLLOWED) {
            Log.warnf("Subscription %s (%s) is kept disabled: %s", id, value.subscription().name(), value.unreadable());
        }
    }
}
