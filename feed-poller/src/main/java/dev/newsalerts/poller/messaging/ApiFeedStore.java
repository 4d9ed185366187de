package dev.newsalerts.poller.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.TopicFollower;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.poller.app.ApiFeeds;
import dev.newsalerts.poller.domain.FeedSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The feeds added through the API, kept in the compacted {@code news.feeds} topic (key: feed URL;
 * a tombstone removes) and followed by every instance: read whole at start-up, then every change
 * any instance writes.
 */
@ApplicationScoped
public class ApiFeedStore implements ApiFeeds {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Emitter<Record<String, String>> emitter;
    private final ChannelTopics kafka;
    private final ObjectMapper mapper;
    private TopicFollower follower;

    public ApiFeedStore(@Channel(Channels.FEEDS) Emitter<Record<String, String>> emitter, ChannelTopics kafka,
            ObjectMapper mapper) {
        this.emitter = emitter;
        this.kafka = kafka;
        this.mapper = mapper;
    }

    /** Follows the topic, handing every record to {@code listener} on the follower's thread. */
    @Override
    public void follow(Listener listener) {
        follower = new TopicFollower(kafka.clientConfig(ConsumerConfig.configNames()), Topics.FEEDS,
                record -> apply(record, listener));
        follower.start();
    }

    /** Waits until the feeds the topic held at start-up are known. */
    @Override
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return follower != null && follower.awaitCaughtUp(timeout);
    }

    void stop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    /** Returns once the broker has the feed. */
    @Override
    public void save(FeedSource feed) {
        try {
            write(feed.url(), mapper.writeValueAsString(feed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed is always writable as JSON", e);
        }
    }

    /** Returns once the broker has the tombstone. */
    @Override
    public void delete(String url) {
        write(url, null);
    }

    private void write(String url, String value) {
        try {
            emitter.send(Record.of(url, value)).toCompletableFuture().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while saving feed " + url, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not take the change to feed " + url + " within "
                    + WRITE_TIMEOUT.toSeconds() + " s; nothing was changed", e);
        }
    }

    private void apply(ConsumerRecord<String, String> record, Listener listener) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            listener.removed(record.key());
            return;
        }
        try {
            listener.added(mapper.readValue(record.value(), FeedSource.class), !follower.isCaughtUp());
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring unreadable feed %s at %s offset %d: %s", record.key(), Topics.FEEDS, record.offset(),
                    e.getOriginalMessage());
        }
    }
}
