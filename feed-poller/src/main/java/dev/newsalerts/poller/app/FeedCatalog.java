package dev.newsalerts.poller.app;

import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.netguard.AddressRefusedException;
import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.domain.FeedRules;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.FeedUrl;
import dev.newsalerts.poller.domain.PollTiming;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every feed polled: those of the feeds file, and those added through the API, which are kept in
 * {@code news.feeds} ({@link ApiFeeds}) so that they survive restarts and reach every instance.
 * A URL is polled once, whichever source names it; the feeds file wins.
 */
@ApplicationScoped
public class FeedCatalog implements ApiFeeds.Listener {

    private final PollerConfig config;
    private final ApiFeeds store;
    private final AddressGuard guard;
    private final FeedStates stateStore;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, PolledFeed> feeds = new ConcurrentHashMap<>();

    public FeedCatalog(PollerConfig config, ApiFeeds store, AddressGuard guard, FeedStates stateStore) {
        this.config = config;
        this.stateStore = stateStore;
        this.store = store;
        this.guard = guard;
    }

    /** Reads the feeds file and starts following {@code news.feeds}; waits a while for what it holds. */
    public void load() {
        Instant start = clock.instant();
        for (FeedSource feed : FeedList.load(config.feedsFile())) {
            feeds.put(feed.url(), new PolledFeed(feed, PolledFeed.Origin.FILE, config.interval(),
                    PollTiming.firstPoll(feed.url(), start, intervalOf(feed))));
        }
        store.follow(this);
        try {
            if (!store.awaitLoaded(Duration.ofSeconds(30))) {
                Log.warnf("The feeds added through the API are not all read yet; they are added as they arrive");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Collection<PolledFeed> all() {
        return Collections.unmodifiableCollection(feeds.values());
    }

    /** The feed with this id or URL, the URL spelled as it is kept or any other way that normalises to it. */
    public Optional<PolledFeed> find(String idOrUrl) {
        PolledFeed byUrl = byUrl(idOrUrl);
        return byUrl != null ? Optional.of(byUrl)
                : feeds.values().stream().filter(feed -> feed.source().id().equals(idOrUrl)).findFirst();
    }

    private PolledFeed byUrl(String url) {
        PolledFeed asKept = feeds.get(url);
        try {
            return asKept != null ? asKept : feeds.get(FeedUrl.normalise(url));
        } catch (FeedUrl.Invalid e) {
            return null;
        }
    }

    /**
     * Adds a feed through the API: checked (its host must resolve to addresses feeds may come from,
     * see {@code poller.fetch.allowed-networks}), written to {@code news.feeds}, then polled at once.
     */
    public synchronized PolledFeed add(FeedSource requested) {
        List<String> problems = FeedRules.problems(requested);
        if (!problems.isEmpty()) {
            throw new Refused(Refused.Kind.INVALID, String.join("; ", problems));
        }
        FeedSource feed = FeedRules.normalised(requested);
        try {
            guard.resolve(URI.create(feed.url()));
        } catch (AddressRefusedException e) {
            throw new Refused(Refused.Kind.INVALID, e.getMessage());
        }
        PolledFeed existing = feeds.get(feed.url());
        if (existing != null) {
            throw new Refused(Refused.Kind.CONFLICT, "feed " + feed.url() + " is already polled (id " + existing.source().id()
                    + ", from " + (existing.origin() == PolledFeed.Origin.FILE ? "the feeds file" : "the API") + ")");
        }
        store.save(feed);
        PolledFeed added = new PolledFeed(feed, PolledFeed.Origin.API, config.interval(), clock.instant());
        feeds.put(feed.url(), added);
        Log.infof("Feed %s added through the API (id %s)", feed.url(), feed.id());
        return added;
    }

    /** Adds each feed that can be added; says why of the others. */
    public synchronized ImportResult addAll(List<FeedSource> candidates) {
        List<FeedSource> added = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (FeedSource candidate : candidates) {
            try {
                added.add(add(candidate).source());
            } catch (Refused e) {
                skipped.add(new Skipped(candidate.url(), e.getMessage()));
            }
        }
        return new ImportResult(added, skipped);
    }

    /** Removes a feed added through the API; its tombstone goes to {@code news.feeds}. */
    public synchronized FeedSource remove(String idOrUrl) {
        PolledFeed feed = find(idOrUrl).orElseThrow(() -> new Refused(Refused.Kind.NOT_FOUND, "no feed with id or URL " + idOrUrl));
        if (feed.origin() == PolledFeed.Origin.FILE) {
            throw new Refused(Refused.Kind.CONFLICT, "feed " + feed.source().url()
                    + " comes from the feeds file (poller.feeds-file); remove it there");
        }
        store.delete(feed.source().url());
        feed.remove();
        feeds.remove(feed.source().url(), feed);
        Log.infof("Feed %s removed through the API", feed.source().url());
        return feed.source();
    }

    /**
     * A feed answered from {@code newUrl} through permanent redirects: a feed of the API is kept
     * under its new URL from now on (its new record and the old one's tombstone go to
     * {@code news.feeds}, its state moves in {@code news.feed-state}); a feed of the feeds file is
     * polled at its old URL still, and the log and the API say where it moved.
     */
    public synchronized void moved(PolledFeed feed, String newUrl) {
        String oldUrl = feed.source().url();
        if (feed.origin() == PolledFeed.Origin.FILE) {
            if (feed.noteMovedTo(newUrl)) {
                Log.warnf("Feed %s has moved permanently to %s; change its URL in the feeds file", oldUrl, newUrl);
            }
            return;
        }
        if (feed.isRemoved() || feeds.get(oldUrl) != feed) {
            return;
        }
        List<String> problems = FeedRules.problems(feed.source().withUrl(newUrl));
        if (!problems.isEmpty()) {
            Log.warnf("Feed %s has moved permanently to %s, which is not kept: %s", oldUrl, newUrl, String.join("; ", problems));
            return;
        }
        FeedSource moved = FeedRules.normalised(feed.source().withUrl(newUrl));
        String target = moved.url();
        if (target.equals(oldUrl)) {
            return; // the same URL spelled otherwise
        }
        if (!feeds.containsKey(target)) {
            store.save(moved);
            feeds.put(target, feed.movedTo(moved));
        }
        stateStore.move(oldUrl, target);
        store.delete(oldUrl);
        feed.remove();
        feeds.remove(oldUrl, feed);
        Log.infof("Feed %s has moved permanently to %s: it is polled there from now on", oldUrl, target);
    }

    @Override
    public void added(FeedSource feed, boolean readAtStartUp) {
        List<String> problems = feed.url() == null ? List.of("no url") : FeedRules.problems(feed);
        if (!problems.isEmpty()) {
            Log.warnf("Ignoring feed %s from news.feeds: %s", FeedUrl.forLog(feed.url()), String.join("; ", problems));
            return;
        }
        Instant now = clock.instant();
        feeds.computeIfAbsent(feed.url(), url -> new PolledFeed(feed, PolledFeed.Origin.API, config.interval(),
                readAtStartUp ? PollTiming.firstPoll(url, now, intervalOf(feed)) : now));
    }

    @Override
    public void removed(String url) {
        feeds.computeIfPresent(url, (key, feed) -> {
            if (feed.origin() == PolledFeed.Origin.FILE) {
                return feed;
            }
            feed.remove();
            return null;
        });
    }

    private Duration intervalOf(FeedSource feed) {
        return feed.interval() == null ? config.interval() : feed.interval();
    }

    /** What an import did. */
    public record ImportResult(List<FeedSource> added, List<Skipped> skipped) {
    }

    /** A feed an import left out, and why. */
    public record Skipped(String url, String reason) {
    }

    /** A change to the feeds that is refused; the message says why. */
    public static final class Refused extends RuntimeException {

        public enum Kind { INVALID, CONFLICT, NOT_FOUND }

        private final Kind kind;

        public Refused(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
