package dev.newsalerts.poller.app;

import com.rometools.rome.feed.synd.SyndFeed;
import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.domain.FeedParser;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.FeedState;
import dev.newsalerts.poller.domain.HubLinks;
import dev.newsalerts.poller.domain.PollTiming;
import dev.newsalerts.poller.domain.Story;
import dev.newsalerts.poller.domain.StoryMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Takes in what a feed holds, from a poll or from a WebSub hub's push, and publishes each story not
 * published before (from any feed, by any instance); after a poll, records its outcome on the feed
 * and when it is polled next ({@link PollTiming}).
 */
@ApplicationScoped
public class FeedIntake {

    private final PollerConfig config;
    private final FeedCatalog catalog;
    private final Fetcher fetcher;
    private final FeedStates stateStore;
    private final Stories publisher;
    private final Leases leases;
    private final WebSubSubscriptions websub;
    private final FullText fullText;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final Clock clock = Clock.systemUTC();
    private final PollTiming timing;

    public FeedIntake(PollerConfig config, FeedCatalog catalog, Fetcher fetcher, FeedStates stateStore, Stories publisher,
            Leases leases, WebSubSubscriptions websub, FullText fullText, MeterRegistry metrics, Tracer tracer) {
        this.fullText = fullText;
        this.config = config;
        this.catalog = catalog;
        this.fetcher = fetcher;
        this.stateStore = stateStore;
        this.publisher = publisher;
        this.leases = leases;
        this.websub = websub;
        this.metrics = metrics;
        this.tracer = tracer;
        this.timing = new PollTiming(config.backoff().max(), config.backoff().maxRetryAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Polls {@code feed} once and records the outcome on it; a failure is recorded, never thrown. */
    public void poll(PolledFeed feed) {
        String url = feed.source().url();
        if (!leases.owns(url)) {
            return; // its partition went to another instance since the poll was dispatched
        }
        Instant now = clock.instant();
        Span span = tracer.spanBuilder("poll feed").setSpanKind(SpanKind.CLIENT).setAttribute("url.full", url).startSpan();
        try (Scope scope = span.makeCurrent()) {
            FetchResult result = fetcher.fetch(url, stateStore.get(url).etag(), stateStore.get(url).lastModified());
            SyndFeed parsed = result.notModified() ? null : FeedParser.parse(result.body(), result.contentType());
            int published = parsed == null ? 0 : publish(feed, parsed, result.etag(), result.lastModified(), now, true);
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
            int published = publish(feed.get(), parsed, state.etag(), state.lastModified(), clock.instant(), false);
            metrics.counter("poller.pushes", "outcome", "ok").increment();
            Log.infof("Feed %s: WebSub delivered %d new stories", url, published);
            return published;
        } finally {
            feed.get().polling().unlock();
        }
    }

    /** @param holdsFeedHost whether this thread holds a {@link HostLimiter} permit of the feed's host (a poll does) */
    private int publish(PolledFeed polled, SyndFeed parsed, String etag, String lastModified, Instant now, boolean holdsFeedHost) {
        FeedSource feed = polled.source();
        List<Story> stories = StoryMapper.toStories(parsed, feed, now);
        List<Story> claimed = new ArrayList<>();
        for (Story story : stories) {
            if (stateStore.claim(story.storyId())) {
                claimed.add(story);
            }
        }
        // Only new stories have their article page fetched; a page that cannot be read never holds its story back.
        FullText.Read read = fullText.read(feed, claimed, holdsFeedHost);
        polled.articlesRead(read.outcomes());
        List<Story> fresh = new ArrayList<>(read.stories());
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
