package dev.newsalerts.kafka;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** How a {@link DelayQueue} is made: its group and topics, the service's functions, and its limits. */
public final class DelayQueueBuilder<T> {

    /** The topics a delay queue reads. */
    public interface Subscription {
        void subscribe(KafkaConsumer<String, String> consumer, ConsumerRebalanceListener listener);

        /** The topics whose names match, those created later included (found within the metadata max age). */
        static Subscription matching(Pattern topics) {
            return new Named(topics.pattern(), (consumer, listener) -> consumer.subscribe(topics, listener));
        }

        static Subscription of(Collection<String> topics) {
            List<String> names = List.copyOf(topics);
            return new Named(names.toString(), (consumer, listener) -> consumer.subscribe(names, listener));
        }
    }

    /** Something the queue waits for, on its own thread, before it first joins the group. */
    @FunctionalInterface
    public interface Preparation {
        /** Interrupted when the queue closes meanwhile. */
        void await() throws InterruptedException;
    }

    /** The longest a poll waits, so that resumed partitions and closing are noticed soon. */
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);

    private record Named(String name, Subscription subscription) implements Subscription {
        @Override
        public void subscribe(KafkaConsumer<String, String> consumer, ConsumerRebalanceListener listener) {
            subscription.subscribe(consumer, listener);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String groupId;
    private final Subscription topics;
    private DelayQueue.Decoder<T> decoder;
    private DelayQueue.DueTime<T> dueTime;
    private DelayQueue.Handler<T> handler;
    private DelayQueue.Unreadable unreadable = (record, cause) -> {
        Log.warnf("Skipping the unreadable record at offset %d of %s-%d: %s", record.offset(), record.topic(),
                record.partition(), cause.getMessage());
        return CompletableFuture.completedFuture(null);
    };
    private Preparation preparation = () -> { };
    private int maxInFlight = 100;
    private Duration handoverWait = Duration.ofSeconds(30);
    private Duration restartDelay = Duration.ofSeconds(5);
    private Duration backlogEvery = Duration.ofSeconds(10);
    private Duration sessionTimeout = Duration.ofSeconds(10);
    private Duration metadataMaxAge = Duration.ofSeconds(30);

    DelayQueueBuilder(String groupId, Subscription topics) {
        this.groupId = groupId;
        this.topics = topics;
    }

    /** Required: how a record's value is read. */
    public DelayQueueBuilder<T> decoder(DelayQueue.Decoder<T> decoder) {
        this.decoder = decoder;
        return this;
    }

    /** Required: when a record is due. */
    public DelayQueueBuilder<T> dueTime(DelayQueue.DueTime<T> dueTime) {
        this.dueTime = dueTime;
        return this;
    }

    /** Required: the work of a due record. */
    public DelayQueueBuilder<T> handler(DelayQueue.Handler<T> handler) {
        this.handler = handler;
        return this;
    }

    /** Where unreadable records go; unless set, they are logged and skipped. */
    public DelayQueueBuilder<T> onUnreadable(DelayQueue.Unreadable unreadable) {
        this.unreadable = unreadable;
        return this;
    }

    /** What to wait for before reading (topics created, tables loaded); nothing unless set. */
    public DelayQueueBuilder<T> whenReady(Preparation preparation) {
        this.preparation = preparation;
        return this;
    }

    /** The most handlers under way at once (100 unless set). */
    public DelayQueueBuilder<T> maxInFlight(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        return this;
    }

    /** The longest partitions being handed over wait for their handlers, all together (30 s unless set). */
    public DelayQueueBuilder<T> handoverWait(Duration handoverWait) {
        this.handoverWait = handoverWait;
        return this;
    }

    /** How long a failed consumer waits before it starts again (5 s unless set). */
    public DelayQueueBuilder<T> restartDelay(Duration restartDelay) {
        this.restartDelay = restartDelay;
        return this;
    }

    /** How long a silent member keeps its partitions (10 s unless set). */
    public DelayQueueBuilder<T> sessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
        return this;
    }

    /** How often the backlog is counted (every 10 s unless set). */
    public DelayQueueBuilder<T> backlogEvery(Duration backlogEvery) {
        this.backlogEvery = backlogEvery;
        return this;
    }

    /** How soon topics created later that match the pattern are read (30 s unless set). */
    public DelayQueueBuilder<T> metadataMaxAge(Duration metadataMaxAge) {
        this.metadataMaxAge = metadataMaxAge;
        return this;
    }

    /** @param clientConfig the application's Kafka settings ({@link ChannelTopics#clientConfig}) */
    public DelayQueue<T> build(Map<String, Object> clientConfig) {
        if (decoder == null || dueTime == null || handler == null) {
            throw new IllegalStateException("a delay queue needs a decoder, a due time and a handler");
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        // Kafka's default heartbeat (3 s) leaves a short session one late heartbeat from expiring:
        // the partitions would then go to another member with their work still under way here.
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 4));
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) metadataMaxAge.toMillis());
        // A record left unread (not due, or over the in-flight cap) is fetched again only once the
        // fetch under way returns, which the broker holds this long when it has nothing new.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new DelayQueue<>(new DelayQueueSettings<>(topics, decoder, dueTime, handler, unreadable, preparation,
                maxInFlight, handoverWait, restartDelay, LONGEST_POLL, backlogEvery), config);
    }
}
