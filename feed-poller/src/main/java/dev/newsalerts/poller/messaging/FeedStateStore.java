package dev.newsalerts.poller.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.poller.domain.FeedState;
import dev.newsalerts.topics.ChannelTopics;
import dev.newsalerts.topics.TopicReader;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The per-feed state, kept in the compacted {@code news.feed-state} topic: read whole at
 * start-up, then updated after every successful poll. The story ids of all feeds together say
 * which stories were published, whichever feed (or feed URL) they came from.
 */
@ApplicationScoped
public class FeedStateStore {

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Set<String> publishedStoryIds = ConcurrentHashMap.newKeySet();
    private final Emitter<Record<String, FeedState>> emitter;
    private final ChannelTopics kafka;
    private final ObjectMapper mapper;

    public FeedStateStore(@Channel(Topics.FEED_STATE_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<Record<String, FeedState>> emitter, ChannelTopics kafka, ObjectMapper mapper) {
        this.emitter = emitter;
        this.kafka = kafka;
        this.mapper = mapper;
    }

    /** Reads the topic from the beginning to its current end. */
    public void load() {
        TopicReader.read(kafka.clientConfig(ConsumerConfig.configNames()), Topics.FEED_STATE, Long.MAX_VALUE,
                Duration.ofSeconds(60)).forEach(this::apply);
        states.values().forEach(state -> publishedStoryIds.addAll(state.seenStoryIds()));
        Log.infof("Loaded the state of %d feeds (%d stories seen) from %s", states.size(), publishedStoryIds.size(),
                Topics.FEED_STATE);
    }

    /** Claims a story for publishing: true only for the first caller, from any feed, ever. */
    public boolean claim(String storyId) {
        return publishedStoryIds.add(storyId);
    }

    /** Gives back claims whose stories could not be published, so a later poll tries again. */
    public void release(Collection<String> storyIds) {
        publishedStoryIds.removeAll(storyIds);
    }

    public FeedState get(String feedUrl) {
        return states.getOrDefault(feedUrl, FeedState.empty(feedUrl));
    }

    /** Completes once the broker has the new state. */
    public CompletionStage<Void> save(FeedState state) {
        states.put(state.feedUrl(), state);
        return emitter.send(Record.of(state.feedUrl(), state));
    }

    /**
     * Keeps the state of a feed that moved under its new URL (unless that URL has a state already)
     * and removes the old one; returns once the broker has both.
     */
    public void move(String oldUrl, String newUrl) {
        FeedState old = states.get(oldUrl);
        if (old == null) {
            return;
        }
        CompletionStage<Void> moved = states.containsKey(newUrl) ? CompletableFuture.completedFuture(null)
                : save(new FeedState(newUrl, null, null, old.seenStoryIds()));
        states.remove(oldUrl);
        CompletionStage<Void> removed = emitter.send(Record.of(oldUrl, null));
        moved.toCompletableFuture().join();
        removed.toCompletableFuture().join();
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            states.remove(record.key());
            return;
        }
        try {
            FeedState state = mapper.readValue(record.value(), FeedState.class);
            if (state == null) {
                states.remove(record.key());
            } else {
                states.put(record.key(), state);
            }
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring unreadable state of feed %s at offset %d: %s", record.key(), record.offset(), e.getOriginalMessage());
        }
    }
}
