package dev.newsalerts.poller.app;

import com.rometools.rome.feed.synd.SyndFeed;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.poller.app.WebSubSubscriptions;
import dev.newsalerts.poller.client.FeedFetcher;
import dev.newsalerts.poller.client.FetchException;
import dev.newsalerts.poller.client.FetchResult;
import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.domain.FeedParser;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.FeedState;
import dev.newsalerts.poller.domain.HubLinks;
import dev.newsalerts.poller.domain.PollTiming;
import dev.newsalerts.poller.domain.Story;
import dev.newsalerts.poller.domain.StoryMapper;
import dev.newsalerts.poller.messaging.FeedLeases;
import dev.newsalerts.poller.messaging.FeedStateStore;
import dev.newsalerts.poller.messaging.StoryPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Polls every feed of the {@link FeedCatalog} that this instance holds the lease of
 * ({@link FeedLeases}) when it is due ({@link PollTiming}, {@link PollDispatcher}) and publishes
 * each story not published before.
 */
@ApplicationScoped
public class FeedPoller implements FeedLeases.Listener {

    /** How long one dispatch pass waits for polls to end when all slots are taken; passes start every second. */
    private static final Duration DISPATCH_WAIT = Duration.ofSeconds(5);
    /** Stories published this long before a dead instance's session timed out are claimed by the one taking over. */
    private static final Duration RECENT_STORIES = Duration.ofMinutes(5);

    private final PollerConfig config;
    private final FeedFetcher fetcher;
    private final FeedStateStore stateStore;
    private final StoryPublisher publisher;
    private final Scheduler scheduler;
    private final MeterRegistry metrics;
    private final ChannelTopics kafka;
    private final WebSubSubscriptions websub;
    private final Tracer tracer;
    private final Clock clock = Clock.systemUTC();
    private final PollTiming timing;
    private final FeedCatalog catalog;
    private ExecutorService fetchers;
    private PollDispatcher dispatcher;
    private FeedLeases leases;

    public FeedPoller(PollerConfig config, FeedCatalog catalog, FeedFetcher fetcher, FeedStateStore stateStore,
            StoryPublisher publisher, Scheduler scheduler, MeterRegistry metrics, ChannelTopics kafka, WebSubSubscriptions websub,
            Tracer tracer) {
        this.metrics = metrics;
        this.tracer = tracer;
        this.websub = websub;
        this.kafka = kafka;
        this.catalog = catalog;
        this.config = config;
        this.fetcher = fetcher;
        this.stateStore = stateStore;
        this.publisher = publisher;
        this.scheduler = scheduler;
        this.timing = new PollTiming(config.backoff().max(), config.backoff().maxRetryAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    void start(@Observes StartupEvent event) {
        stateStore.load();
        catalog.load();
        fetchers = Executors.newFixedThreadPool(config.maxConcurrentFetches());
        dispatcher = new PollDispatcher(fetchers, config.maxConcurrentFetches(), new HostLimiter(config.maxFetchesPerHost()),
                clock::instant, this::poll);
        Gauge.builder("poller.feeds", catalog, feeds -> feeds.all().size())
                .description("Feeds polled, from the feeds file and the API").register(metrics);
        leases = new FeedLeases(kafka.clientConfig(ConsumerConfig.configNames()), Topics.FEED_STATE,
                config.scaleOut().groupId(), config.scaleOut().sessionTimeout(), this).start();
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
        if (leases != null) {
            leases.close(); // leaves the group: the other instances take the feeds over at once
        }
        if (fetchers != null) {
            fetchers.shutdownNow();
        }
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
        return leases != null && leases.owns(url);
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
        int count = leases.partitionCount();
        for (PolledFeed feed : catalog.all()) {
            if (count > 0 && partitions.contains(FeedLeases.partitionOf(feed.source().url(), count))) {
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

    void poll(PolledFeed feed) {
        String url = feed.source().url();
        if (!leases.owns(url)) {
            return; // its partition went to another instance since the poll was dispatched
        }
        Instant now = clock.instant();
        Span span = tracer.spanBuilder("poll feed").setSpanKind(SpanKind.CLIENT).setAttribute("url.full", url).startSpan();
        try (Scope scope = span.makeCurrent()) {
            FetchResult result = fetcher.fetch(url, stateStore.get(url).etag(), stateStore.get(url).lastModified());
            SyndFeed parsed = result.notModified() ? null : FeedParser.parse(result.body(), result.contentType());
            int published = parsed == null ? 0 : publish(feed.source(), parsed, result.etag(), result.lastModified(), now);
            feed.succeeded(now, result.notModified(), published, timing.afterSuccess(clock.instant(), feed.interval()));
            websub.polled(feed.source(), parsed == null ? Optional.empty() : HubLinks.of(parsed));
            if (result.movedTo() != null && !result.movedTo().equals(url)) {
                catalog.moved(feed, result.movedTo());
            }
            count(result.notModified() ? "not_modified" : "ok", "none");
            if (published > 0) {
                Log.infof("Feed %s: published %d new stories", url, published);
            } else {
                Log.debugf("Feed %s: nothing new%s", url, result.notModified() ? " (304)" : "");
            }
        } catch (FetchException e) {
            fail(feed, now, e.reason(), e.getMessage(), e.retryAfter());
        } catch (FeedParser.FeedParseException e) {
            fail(feed, now, e.reason(), e.getMessage(), Optional.empty());
        } catch (Exception e) {
            fail(feed, now, "unexpected", e.toString(), Optional.empty());
        } finally {
            span.end();
        }
    }

    /**
     * Content a WebSub hub pushed for the feed at {@code url}: its new stories are published as a
     * poll's would be. Ignored when this instance does not poll the feed.
     *
     * @return the stories published, or -1 when the feed is not polled here
     * @throws FeedParser.FeedParseException when the content is no feed
     */
    public int pushed(String url, byte[] body, String contentType) {
        Optional<PolledFeed> feed = catalog.find(url);
        if (feed.isEmpty() || !leases.owns(url)) {
            return -1;
        }
        SyndFeed parsed = FeedParser.parse(body, contentType);
        feed.get().polling().lock();
        try {
            FeedState state = stateStore.get(url);
            int published = publish(feed.get().source(), parsed, state.etag(), state.lastModified(), clock.instant());
            metrics.counter("poller.pushes", "outcome", "ok").increment();
            Log.infof("Feed %s: WebSub delivered %d new stories", url, published);
            return published;
        } finally {
            feed.get().polling().unlock();
        }
    }

    private int publish(FeedSource feed, SyndFeed parsed, String etag, String lastModified, Instant now) {
        List<Story> stories = StoryMapper.toStories(parsed, feed, now);
        List<Story> fresh = new ArrayList<>();
        for (Story story : stories) {
            if (stateStore.claim(story.storyId())) {
                fresh.add(story);
            }
        }
        // Feeds list the newest first; publish the oldest first so alerts arrive in order.
        Collections.reverse(fresh);
        try {
            publisher.publish(fresh).join();
        } catch (RuntimeException e) {
            stateStore.release(fresh.stream().map(Story::storyId).toList());
            throw e;
        }
        List<String> ids = stories.stream().map(Story::storyId).toList();
        stateStore.save(stateStore.get(feed.url()).afterPoll(etag, lastModified, ids, config.seenIdsPerFeed()))
                .toCompletableFuture().join();
        return fresh.size();
    }

    private void count(String outcome, String reason) {
        metrics.counter("poller.polls", "outcome", outcome, "reason", reason).increment();
    }

    private void fail(PolledFeed feed, Instant now, String kind, String reason, Optional<Instant> retryAfter) {
        count("error", kind);
        Instant next = timing.afterFailure(clock.instant(), feed.interval(), feed.health().consecutiveFailures() + 1, retryAfter);
        feed.failed(now, reason, next);
        Log.warnf("Feed %s failed (%d in a row): %s; next poll at %s", feed.source().url(),
                feed.health().consecutiveFailures(), reason, next);
    }
}
