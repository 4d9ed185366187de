package dev.newsalerts.poller.app;

import dev.newsalerts.kafka.Topics;
import dev.newsalerts.poller.config.PollerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls every feed of the {@link FeedCatalog} that this instance holds the lease of
 * ({@link Leases}) when it is due ({@link PollDispatcher}); each poll is a {@link FeedIntake}.
 */
@ApplicationScoped
public class FeedPoller implements Leases.Listener {

    /** How long one dispatch pass waits for polls to end when all slots are taken; passes start every second. */
    private static final Duration DISPATCH_WAIT = Duration.ofSeconds(5);
    /** Stories published this long before a dead instance's session timed out are claimed by the one taking over. */
    private static final Duration RECENT_STORIES = Duration.ofMinutes(5);

    private final PollerConfig config;
    private final FeedCatalog catalog;
    private final FeedStates stateStore;
    private final Leases leases;
    private final PollDispatcher dispatcher;
    private final WebSubSubscriptions websub;
    private final Scheduler scheduler;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public FeedPoller(PollerConfig config, FeedCatalog catalog, FeedStates stateStore, Leases leases, PollDispatcher dispatcher,
            WebSubSubscriptions websub, Scheduler scheduler, MeterRegistry metrics) {
        this.config = config;
        this.catalog = catalog;
        this.stateStore = stateStore;
        this.leases = leases;
        this.dispatcher = dispatcher;
        this.websub = websub;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        stateStore.load();
        catalog.load();
        Gauge.builder("poller.feeds", catalog, feeds -> feeds.all().size())
                .description("Feeds polled, from the feeds file and the API").register(metrics);
        leases.start(this);
        Gauge.builder("poller.feeds.polled.here", this, poller -> poller.ownedFeeds().size())
                .description("Feeds this instance polls: those of the partitions the consumer group gave it").register(metrics);
        Gauge.builder("poller.feeds.failing", catalog,
                        feeds -> feeds.all().stream().filter(feed -> feed.health().consecutiveFailures() > 0).count())
                .description("Feeds whose last poll failed").register(metrics);
        if (config.schedulingEnabled()) {
            scheduler.newJob("dispatch-feed-polls")
                    .setInterval("1s")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> dispatcher.dispatchDue(ownedFeeds(), DISPATCH_WAIT))
                    .schedule();
        }
        Log.infof("%d feeds known, every %d s unless a feed sets its own interval; first polls spread over that time;"
                + " this instance polls those of the partitions consumer group %s gives it",
                catalog.all().size(), config.interval().toSeconds(), config.scaleOut().groupId());
    }

    void stop(@Observes ShutdownEvent event) {
        leases.close(); // leaves the group: the other instances take the feeds over at once
        dispatcher.stop();
    }

    /** One poll now of every feed this instance polls, due or not; returns when all are done. */
    public void pollAll() {
        try {
            if (!leases.awaitFirstAssignment(Duration.ofSeconds(30))) {
                Log.warn("The consumer group has given this instance no partition within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        dispatcher.pollAllNow(ownedFeeds()).join();
    }

    /** Whether this instance polls the feed at {@code url} now. */
    public boolean polledHere(String url) {
        return leases.owns(url);
    }

    private List<PolledFeed> ownedFeeds() {
        return catalog.all().stream().filter(feed -> leases.owns(feed.source().url())).toList();
    }

    /**
     * Before the feeds of {@code partitions} are polled here: their latest states are read, and the
     * stories published lately by any instance are claimed (a poll killed between publishing and
     * saving its state leaves ids that only {@code news.stories} holds).
     */
    @Override
    public void assigned(Set<Integer> partitions, Map<Integer, Long> endOffsets) {
        try {
            if (!stateStore.awaitReadUpTo(endOffsets, Duration.ofSeconds(30))) {
                Log.warnf("%s is not read up to its end after 30 s; polling the feeds of partitions %s anyway",
                        Topics.FEED_STATE, partitions);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Duration lookBack = config.scaleOut().sessionTimeout().plus(RECENT_STORIES);
        int read = stateStore.claimPublishedSince(clock.instant().minus(lookBack), Duration.ofSeconds(60));
        Log.debugf("Claimed the ids of the %d stories published in the last %d s", read, lookBack.toSeconds());
    }

    @Override
    public void revoked(Set<Integer> partitions) {
        for (PolledFeed feed : catalog.all()) {
            if (leases.inPartitions(feed.source().url(), partitions)) {
                feed.polling().lock(); // waits for a poll in progress: its state is saved before another instance reads it
                feed.polling().unlock();
                websub.drop(feed.source());
            }
        }
    }

    /** Distinct stories seen in a feed, as remembered in {@code news.feed-state}. */
    public int itemsSeen(String url) {
        return stateStore.get(url).seenStoryIds().size();
    }
}
