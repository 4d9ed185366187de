package dev.newsalerts.poller.domain;

import com.rometools.rome.feed.synd.SyndFeed;
import dev.newsalerts.poller.client.FeedFetcher;
import dev.newsalerts.poller.client.FetchException;
import dev.newsalerts.poller.client.FetchResult;
import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.messaging.FeedStateStore;
import dev.newsalerts.poller.messaging.StoryPublisher;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Polls every feed of the {@link FeedCatalog} when it is due ({@link PollTiming},
 * {@link PollDispatcher}) and publishes each story not published before.
 */
@ApplicationScoped
public class FeedPoller {

    private final PollerConfig config;
    private final FeedFetcher fetcher;
    private final FeedStateStore stateStore;
    private final StoryPublisher publisher;
    private final Scheduler scheduler;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();
    private final PollTiming timing;
    private final FeedCatalog catalog;
    private ExecutorService fetchers;
    private PollDispatcher dispatcher;

    public FeedPoller(PollerConfig config, FeedCatalog catalog, FeedFetcher fetcher, FeedStateStore stateStore,
            StoryPublisher publisher, Scheduler scheduler, MeterRegistry metrics) {
        this.metrics = metrics;
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
        Gauge.builder("poller.feeds.failing", catalog,
                        feeds -> feeds.all().stream().filter(feed -> feed.health().consecutiveFailures() > 0).count())
                .description("Feeds whose last poll failed").register(metrics);
        if (config.schedulingEnabled()) {
            scheduler.newJob("dispatch-feed-polls")
                    .setInterval("1s")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> dispatcher.dispatchDue(catalog.all()))
                    .schedule();
        }
        Log.infof("Polling %d feeds, every %d s unless a feed sets its own interval; first polls spread over that time",
                catalog.all().size(), config.interval().toSeconds());
    }

    void stop(@Observes ShutdownEvent event) {
        if (fetchers != null) {
            fetchers.shutdownNow();
        }
    }

    /** One poll of every feed now, due or not; returns when all are done. */
    public void pollAll() {
        dispatcher.pollAllNow(List.copyOf(catalog.all())).join();
    }

    /** Distinct stories seen in a feed, as remembered in {@code news.feed-state}. */
    public int itemsSeen(String url) {
        return stateStore.get(url).seenStoryIds().size();
    }

    void poll(PolledFeed feed) {
        String url = feed.source().url();
        Instant now = clock.instant();
        try {
            FetchResult result = fetcher.fetch(url, stateStore.get(url).etag(), stateStore.get(url).lastModified());
            int published = result.notModified() ? 0 : publish(feed.source(), result, now);
            feed.succeeded(now, result.notModified(), published, timing.afterSuccess(clock.instant(), feed.interval()));
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
        }
    }

    private int publish(FeedSource feed, FetchResult result, Instant now) {
        SyndFeed parsed = FeedParser.parse(result.body(), result.contentType());
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
        stateStore.save(stateStore.get(feed.url()).afterPoll(result.etag(), result.lastModified(), ids, config.seenIdsPerFeed()))
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
