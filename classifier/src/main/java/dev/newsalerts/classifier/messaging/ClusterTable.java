package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.app.ClusterDirectory;
import dev.newsalerts.classifier.config.ClassifierConfig;
import dev.newsalerts.classifier.domain.cluster.ClusterCandidate;
import dev.newsalerts.classifier.domain.cluster.ClusterMember;
import dev.newsalerts.classifier.domain.cluster.StoryClusters;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.OwnWrites;
import dev.newsalerts.kafka.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Where each alerted story stands in its cluster, kept in the compacted {@code news.clusters} topic
 * (key: story id) that every instance follows from the beginning: the instance that clusters rebuilds
 * its {@link StoryClusters} from it at start-up (or when it takes the work over), so a restart or a
 * replay decides as before. What is older than the window is forgotten here and deleted by the topic.
 * A member this instance placed is held once: read back, it is the one written ({@link OwnWrites}).
 */
@ApplicationScoped
public class ClusterTable implements ClusterDirectory {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    /** The topic keeps a day more than the window: what a restart reads back covers the whole window. */
    private static final Duration KEPT_BEYOND_WINDOW = Duration.ofDays(1);
    /** Members placed by another instance are known here at most this much later (and awaited on a handover). */
    private static final Duration FOLLOW_BATCH_WAIT = Duration.ofMillis(500);

    private final StoryClusters clusters;
    private final FollowedTable<ClusterMember> table;
    private final ChannelTopics kafka;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cluster-table-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean retentionSet;
    /** Where news.clusters ended when this instance was last given news.matches ({@link ClusterHandover}). */
    private final AtomicReference<Map<Integer, Long>> mustReadUpTo = new AtomicReference<>(Map.of());
    private Thread following;

    public ClusterTable(@Channel(Channels.CLUSTERS) Emitter<Record<String, String>> emitter, ObjectMapper mapper,
            ChannelTopics kafka, ClassifierConfig config) {
        this.clusters = new StoryClusters(config.clusters().window());
        this.kafka = kafka;
        OwnWrites<ClusterMember> own = new OwnWrites<>();
        this.table = FollowedTable.<ClusterMember>builder(Topics.CLUSTERS,
                        own.orDecode(value -> mapper.readValue(value, ClusterMember.class)))
                .writer((key, member) -> emitter.send(Record.of(key, member == null ? null : own.remember(json(mapper, member), member))))
                .listener((key, member, origin) -> {
                    if (member != null && origin != FollowedTable.Origin.WRITTEN) {
                        clusters.remember(member);
                    }
                })
                .fetchInBatches(FOLLOW_BATCH_WAIT) // a record per alert
                .build();
    }

    void start(@Observes StartupEvent event) {
        following = kafka.followOnceCreated(table, Topics.CLUSTERS, () -> Log.infof(
                "Following %s: the clusters of the stories alerted in the last %s", Topics.CLUSTERS, clusters.window()));
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (following != null) {
            following.interrupt();
        }
        sweeper.shutdownNow();
        table.close();
    }

    /**
     * @return whether the members the topic held at start-up, and those it held when this instance
     *     was last given the clustering, are known
     */
    boolean awaitLoaded(Duration timeout) throws InterruptedException {
        if (!table.awaitLoaded(timeout)) {
            return false;
        }
        Map<Integer, Long> target = mustReadUpTo.get();
        if (target.isEmpty()) {
            return true;
        }
        boolean read = table.awaitReadUpTo(target, timeout);
        if (read) {
            mustReadUpTo.compareAndSet(target, Map.of());
        }
        return read;
    }

    /** The next placement waits until the topic has been read up to these end offsets (by partition). */
    void readUpTo(Map<Integer, Long> endOffsets) {
        mustReadUpTo.set(Map.copyOf(endOffsets));
    }

    /** Places a story in its cluster (the same place as before if it was placed already). */
    ClusterMember place(ClusterCandidate story) {
        return clusters.place(story, Instant.now());
    }

    /** @return completes once the broker has the member */
    CompletableFuture<Void> keep(ClusterMember member) {
        return table.write(member.storyId(), member).toCompletableFuture();
    }

    @Override
    public List<ClusterMember> cluster(String clusterId) {
        return clusters.cluster(clusterId);
    }

    @Override
    public Optional<ClusterMember> member(String storyId) {
        return clusters.member(storyId);
    }

    private void sweep() {
        Instant oldest = Instant.now().minus(clusters.window());
        clusters.forgetBefore(oldest);
        table.forgetIf(member -> member.placedAt().isBefore(oldest));
        try {
            if (!retentionSet) {
                retentionSet = kafka.keepCompactedFor(Topics.CLUSTERS, clusters.window().plus(KEPT_BEYOND_WINDOW));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(ObjectMapper mapper, ClusterMember member) {
        try {
            return mapper.writeValueAsString(member);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cluster member is always writable as JSON", e);
        }
    }
}
