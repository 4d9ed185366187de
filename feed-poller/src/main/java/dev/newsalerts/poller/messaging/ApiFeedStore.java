package dev.newsalerts.poller.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.FollowedTable.Origin;
import dev.newsalerts.kafka.FollowedTable.TableWriteException;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.poller.app.ApiFeeds;
import dev.newsalerts.poller.domain.FeedSource;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The feeds added through the API, kept in the compacted {@code news.feeds} topic (key: feed URL;
 * a tombstone removes), a {@link FollowedTable} every instance follows: read whole at start-up, then
 * every change any instance writes.
 */
@ApplicationScoped
public class ApiFeedStore implements ApiFeeds {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Emitter<Record<String, String>> emitter;
    private final ChannelTopics kafka;
    private final ObjectMapper mapper;
    private final FollowedTable<FeedSource> feeds;
    private volatile Listener listener;

    public ApiFeedStore(@Channel(Channels.FEEDS) Emitter<Record<String, String>> emitter, ChannelTopics kafka,
            ObjectMapper mapper) {
        this.emitter = emitter;
        this.kafka = kafka;
        this.mapper = mapper;
        this.feeds = FollowedTable.<FeedSource>builder(Topics.FEEDS, value -> mapper.readValue(value, FeedSource.class))
                .writer(this::send)
                .writeTimeout(WRITE_TIMEOUT)
                .listener(this::changed)
                .build();
    }

    /**
     * Follows the topic, handing every record read to {@code listener} on the follower's thread (the
     * feeds this instance writes too, once read back).
     */
    @Override
    public void follow(Listener listener) {
        this.listener = listener;
        feeds.start(kafka.clientConfig(ConsumerConfig.configNames()));
    }

    /** Waits until the feeds the topic held at start-up are known. */
    @Override
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return feeds.awaitLoaded(timeout);
    }

    void stop(@Observes ShutdownEvent event) {
        feeds.close();
    }

    /** Returns once the broker has the feed. */
    @Override
    public void save(FeedSource feed) {
        try {
            feeds.put(feed.url(), feed);
        } catch (TableWriteException e) {
            throw unavailable(feed.url(), e);
        }
    }

    /** Returns once the broker has the tombstone. */
    @Override
    public void delete(String url) {
        try {
            feeds.remove(url);
        } catch (TableWriteException e) {
            throw unavailable(url, e);
        }
    }

    private CompletionStage<Void> send(String url, FeedSource feed) {
        try {
            return emitter.send(Record.of(url, feed == null ? null : mapper.writeValueAsString(feed)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a feed is always writable as JSON", e);
        }
    }

    private static StoreUnavailableException unavailable(String url, TableWriteException e) {
        if (e.getCause() instanceof InterruptedException) {
            return new StoreUnavailableException("interrupted while saving feed " + url, e.getCause());
        }
        return new StoreUnavailableException("Kafka did not take the change to feed " + url + " within "
                + WRITE_TIMEOUT.toSeconds() + " s; nothing was changed", e.getCause());
    }

    /** Only what is read from the topic: a feed this instance writes is told once it is read back, as any other. */
    private void changed(String url, FeedSource feed, Origin origin) {
        Listener current = listener;
        if (origin == Origin.WRITTEN || current == null) {
            return;
        }
        if (feed == null) {
            current.removed(url);
        } else {
            current.added(feed, origin == Origin.STARTUP);
        }
    }
}
