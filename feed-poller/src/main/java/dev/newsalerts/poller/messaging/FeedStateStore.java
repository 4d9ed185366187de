package dev.newsalerts.poller.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.TopicFollower;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The per-feed state, kept in the compacted {@code news.feed-state} topic. Every instance follows
 * the whole topic: read from the beginning at start-up, then every state any instance saves, so
 * that an instance taking a feed over starts from its latest state, and the story ids of all feeds
 * together say which stories were published, whichever feed (or feed URL, or instance) they came
 * from. A state never replaces one with a higher {@link FeedState#revision()}.
 */
@ApplicationScoped
public class FeedStateStore implements FeedStates {

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Set<String> publishedStoryIds = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> readUpTo = new ConcurrentHashMap<>();
    private final Emitter<Record<String, FeedState>> emitter;
    private final ChannelTopics kafka;
    private final ObjectMapper mapper;
    private TopicFollower follower;

    public FeedStateStore(@Channel(Channels.FEED_STATE) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<Record<String, FeedState>> emitter, ChannelTopics kafka, ObjectMapper mapper) {
        this.emitter = emitter;
        this.kafka = kafka;
        this.mapper = mapper;
    }

    /** Starts following the topic; returns once what it holds now is read, or after a minute saying so. */
    @Override
    public void load() {
        follower = new TopicFollower(kafka.clientConfig(ConsumerConfig.configNames()), Topics.FEED_STATE, this::apply).start();
        try {
            if (!follower.awaitCaughtUp(Duration.ofSeconds(60))) {
                Log.warnf("%s is not read to its end after 60 s; feeds are polled once their part of it is", Topics.FEED_STATE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Log.infof("Loaded the state of %d feeds (%d stories seen) from %s", states.size(), publishedStoryIds.size(),
                Topics.FEED_STATE);
    }

    void stop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    /**
     * Waits until the topic has been read up to the given end offsets (by partition), so that the
     * states saved before them, by any instance, are known.
     *
     * @return false when that did not happen within {@code timeout}
     */
    @Override
    public boolean awaitReadUpTo(Map<Integer, Long> endOffsets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (readUpTo) {
            while (!hasRead(endOffsets)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                readUpTo.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    private boolean hasRead(Map<Integer, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> end.getValue() == 0 || readUpTo.getOrDefault(end.getKey(), 0L) >= end.getValue());
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
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(ConsumerConfig.configNames()));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.STORIES).stream()
                    .map(info -> new TopicPartition(Topics.STORIES, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> since.toEpochMilli())));
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = from.get(partition);
                consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    Log.warnf("Reading the stories published since %s took over %d s; some may be published again", since,
                            timeout.toSeconds());
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        publishedStoryIds.add(record.key());
                    }
                    read++;
                }
            }
        } catch (KafkaException e) {
            Log.warnf("Could not read the stories published since %s (%s); some may be published again", since, e.getMessage());
        }
        return read;
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
        return states.getOrDefault(feedUrl, FeedState.empty(feedUrl));
    }

    /** Completes once the broker has the new state. */
    @Override
    public CompletionStage<Void> save(FeedState state) {
        states.put(state.feedUrl(), state);
        return emitter.send(Record.of(state.feedUrl(), state));
    }

    /**
     * Keeps the state of a feed that moved under its new URL (unless that URL has a state already)
     * and removes the old one; returns once the broker has both.
     */
    @Override
    public void move(String oldUrl, String newUrl) {
        FeedState old = states.get(oldUrl);
        if (old == null) {
            return;
        }
        CompletionStage<Void> moved = states.containsKey(newUrl) ? CompletableFuture.completedFuture(null)
                : save(old.movedTo(newUrl));
        states.remove(oldUrl);
        CompletionStage<Void> removed = emitter.send(Record.of(oldUrl, null));
        moved.toCompletableFuture().join();
        removed.toCompletableFuture().join();
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            FeedState state = record.value() == null ? null : mapper.readValue(record.value(), FeedState.class);
            if (state == null) {
                states.remove(record.key());
            } else {
                states.merge(record.key(), state, (mine, read) -> read.revision() >= mine.revision() ? read : mine);
                publishedStoryIds.addAll(state.seenStoryIds());
            }
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring unreadable state of feed %s at offset %d: %s", record.key(), record.offset(), e.getOriginalMessage());
        } finally {
            synchronized (readUpTo) {
                readUpTo.merge(record.partition(), record.offset() + 1, Math::max);
                readUpTo.notifyAll();
            }
        }
    }
}
