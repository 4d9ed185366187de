package dev.newsalerts.poller.domain;

import com.rometools.rome.feed.synd.SyndFeed;
import dev.newsalerts.poller.client.FeedFetcher;
import dev.newsalerts.poller.client.FetchException;
import dev.newsalerts.poller.client.FetchResult;
import dev.newsalerts.poller.config.FeedList;
import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.messaging.FeedStateStore;
import dev.newsalerts.poller.messaging.StoryPublisher;
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
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Polls every feed on an interval and publishes each story not published before. */
@ApplicationScoped
public class FeedPoller {

    private final PollerConfig config;
    private final FeedFetcher fetcher;
    private final FeedStateStore stateStore;
    private final StoryPublisher publisher;
    private final Scheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, FeedStatus> statuses = new ConcurrentHashMap<>();
    private List<FeedSource> feeds = List.of();
    private ExecutorService fetchers;

    public FeedPoller(PollerConfig config, FeedFetcher fetcher, FeedStateStore stateStore, StoryPublisher publisher,
            Scheduler scheduler) {
        this.config = config;
        this.fetcher = fetcher;
        this.stateStore = stateStore;
        this.publisher = publisher;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent event) {
        feeds = FeedList.load(config.feedsFile());
        feeds.forEach(feed -> statuses.put(feed.url(), FeedStatus.neverPolled(feed)));
        stateStore.load();
        fetchers = Executors.newFixedThreadPool(config.maxConcurrentFetches());
        scheduler.newJob("poll-feeds")
                .setInterval(config.interval().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> pollAll())
                .schedule();
        Log.infof("Polling %d feeds every %d s", feeds.size(), config.interval().toSeconds());
    }

    void stop(@Observes ShutdownEvent event) {
        if (fetchers != null) {
            fetchers.shutdownNow();
        }
    }

    /** One poll of every feed; returns when all are done. */
    public void pollAll() {
        List<Future<?>> polls = new ArrayList<>();
        for (FeedSource feed : feeds) {
            polls.add(fetchers.submit(() -> poll(feed)));
        }
        for (Future<?> poll : polls) {
            try {
                poll.get();
            } catch (Exception e) {
                Log.errorf(e, "A feed poll ended unexpectedly");
            }
        }
    }

    public Collection<FeedStatus> statuses() {
        return statuses.values();
    }

    void poll(FeedSource feed) {
        Instant now = clock.instant();
        try {
            int published = pollOnce(feed, now);
            statuses.computeIfPresent(feed.url(), (url, status) -> status.succeeded(now, published));
            if (published > 0) {
                Log.infof("Feed %s: published %d new stories", feed.url(), published);
            } else {
                Log.debugf("Feed %s: nothing new", feed.url());
            }
        } catch (FetchException | FeedParser.FeedParseException e) {
            fail(feed, now, e.getMessage());
        } catch (Exception e) {
            fail(feed, now, e.toString());
        }
    }

    private int pollOnce(FeedSource feed, Instant now) throws FetchException {
        FeedState state = stateStore.get(feed.url());
        FetchResult result = fetcher.fetch(feed.url(), state.etag(), state.lastModified());
        if (result.notModified()) {
            return 0;
        }
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
        stateStore.save(state.afterPoll(result.etag(), result.lastModified(), ids, config.seenIdsPerFeed()))
                .toCompletableFuture().join();
        return fresh.size();
    }

    private void fail(FeedSource feed, Instant now, String reason) {
        statuses.computeIfPresent(feed.url(), (url, status) -> status.failed(now, reason));
        Log.warnf("Feed %s failed: %s", feed.url(), reason);
    }
}
