package dev.newsalerts.poller.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.TopicReader;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.poller.app.FeedStates;
import dev.newsalerts.poller.domain.FeedState;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The per-feed state, kept in the compacted {@code news.feed-state} topic, a {@link FollowedTable}:
 * every instance follows the whole topic (read from the beginning at start-up, then every state any
 * instance saves), so that an instance taking a feed over starts from its latest state, and the
 * story ids of all feeds together say which stories were published, whichever feed (or feed URL, or
 * instance) they came from. A state never replaces one with a higher {@link FeedState#revision()}.
 */
@ApplicationScoped
public class FeedStateStore implements FeedStates {

    private final Set<String> publishedStoryIds = ConcurrentHashMap.newKeySet();
    private final FollowedTable<FeedState> states;
    private final ChannelTopics kafka;

    public FeedStateStore(@Channel(Channels.FEED_STATE) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<Record<String, FeedState>> emitter, ChannelTopics kafka, ObjectMapper mapper) {
        this.kafka = kafka;
        this.states = FollowedTable.<FeedState>builder(Topics.FEED_STATE, value -> mapper.readValue(value, FeedState.class))
                .writer((feedUrl, state) -> emitter.send(Record.of(feedUrl, state)))
                .merge((mine, read) -> read.revision() >= mine.revision() ? read : mine)
                .listener(this::changed)
                .build();
    }

    /** Starts following the topic; returns once what it holds now is read, or after a minute saying so. */
    @Override
    public void load() {
        states.start(kafka.clientConfig(ConsumerConfig.configNames()));
        try {
            if (!states.awaitLoaded(Duration.ofSeconds(60))) {
                Log.warnf("%s is not read to its end after 60 s; feeds are polled once their part of it is", Topics.FEED_STATE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Log.infof("Loaded the state of %d feeds (%d stories seen) from %s", states.asMap().size(), publishedStoryIds.size(),
                Topics.FEED_STATE);
    }

    void stop(@Observes ShutdownEvent event) {
        states.close();
    }

    /**
     * Waits until the topic has been read up to the given end offsets (by partition), so that the
     * states saved before them, by any instance, are known.
     *
     * @return false when that did not happen within {@code timeout}
     */
    @Override
    public boolean awaitReadUpTo(Map<Integer, Long> endOffsets, Duration timeout) throws InterruptedException {
        return states.awaitReadUpTo(endOffsets, timeout);
    }

    /**
     * Claims the ids of the stories published to {@code news.stories} since {@code since}, by any
     * instance: a poll that published its stories but was killed before it saved its feed's state
     * leaves ids that only that topic holds; the instance taking the feed over must not publish them again.
     *
     * @return how many records were read
     */
    @Override
    public int claimPublishedSince(Instant since, Duration timeout) {
        AtomicInteger read = new AtomicInteger();
        try {
            TopicReader.keysSince(kafka.clientConfig(ConsumerConfig.configNames()), Topics.STORIES, since, timeout, storyId -> {
                publishedStoryIds.add(storyId);
                read.incrementAndGet();
            });
        } catch (TimeoutException e) {
            Log.warnf("Reading the stories published since %s took over %d s; some may be published again", since,
                    timeout.toSeconds());
        } catch (KafkaException e) {
            Log.warnf("Could not read the stories published since %s (%s); some may be published again", since, e.getMessage());
        }
        return read.get();
    }

    /** Claims a story for publishing: true only for the first caller, from any feed, ever. */
    @Override
    public boolean claim(String storyId) {
        return publishedStoryIds.add(storyId);
    }

    /** Gives back claims whose stories could not be published, so a later poll tries again. */
    @Override
    public void release(Collection<String> storyIds) {
        publishedStoryIds.removeAll(storyIds);
    }

    @Override
    public FeedState get(String feedUrl) {
        return states.get(feedUrl).orElseGet(() -> FeedState.empty(feedUrl));
    }

    /** Completes once the broker has the new state. */
    @Override
    public CompletionStage<Void> save(FeedState state) {
        return states.write(state.feedUrl(), state);
    }

    /**
     * Keeps the state of a feed that moved under its new URL (unless that URL has a state already)
     * and removes the old one; returns once the broker has both.
     */
    @Override
    public void move(String oldUrl, String newUrl) {
        FeedState old = states.get(oldUrl).orElse(null);
        if (old == null) {
            return;
        }
        CompletionStage<Void> moved = states.get(newUrl).isPresent() ? CompletableFuture.completedFuture(null)
                : save(old.movedTo(newUrl));
        CompletionStage<Void> removed = states.write(oldUrl, null);
        moved.toCompletableFuture().join();
        removed.toCompletableFuture().join();
    }

    /** The stories of a state read from the topic (saved by any instance, this one included) count as published. */
    private void changed(String feedUrl, FeedState state, FollowedTable.Origin origin) {
        if (state != null && origin != FollowedTable.Origin.WRITTEN) {
            publishedStoryIds.addAll(state.seenStoryIds());
        }
    }
}
