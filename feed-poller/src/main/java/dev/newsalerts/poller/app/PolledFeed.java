package dev.newsalerts.poller.app;

import dev.newsalerts.poller.domain.ArticleOutcome;
import dev.newsalerts.poller.domain.FeedHealth;
import dev.newsalerts.poller.domain.FullTextHealth;
import dev.newsalerts.poller.domain.FeedSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/** A feed being polled: what it is, where it came from, how it has been doing, when it is polled next. */
public final class PolledFeed {

    /** Where a feed was declared. */
    public enum Origin {
        /** The feeds file ({@code poller.feeds-file}); changed by editing the file. */
        FILE,
        /** Added through the API and kept in the {@code news.feeds} topic. */
        API
    }

    private final FeedSource source;
    private final Origin origin;
    private final Duration interval;
    private final ReentrantLock polling = new ReentrantLock();
    private volatile FeedHealth health = FeedHealth.NEVER_POLLED;
    private volatile FullTextHealth fullText = FullTextHealth.NONE;
    private volatile Instant nextPollAt;
    private volatile boolean removed;
    private volatile String movedTo;

    public PolledFeed(FeedSource source, Origin origin, Duration defaultInterval, Instant firstPoll) {
        this.source = source;
        this.origin = origin;
        this.interval = source.interval() == null ? defaultInterval : source.interval();
        this.nextPollAt = firstPoll;
    }

    /** This feed under the URL it moved to (a permanent redirect), with its health and next poll. */
    PolledFeed movedTo(FeedSource moved) {
        PolledFeed copy = new PolledFeed(moved, origin, interval, nextPollAt);
        copy.health = health;
        copy.fullText = fullText;
        return copy;
    }

    /** Where a feed of the feeds file answers from after permanent redirects; null when it did not move. */
    public String movedTo() {
        return movedTo;
    }

    /** @return whether this is news */
    boolean noteMovedTo(String url) {
        boolean changed = !Objects.equals(url, movedTo);
        movedTo = url;
        return changed;
    }

    public FeedSource source() {
        return source;
    }

    public Origin origin() {
        return origin;
    }

    public Duration interval() {
        return interval;
    }

    public FeedHealth health() {
        return health;
    }

    /** How the article pages of this feed have been read lately (a {@code fullText} feed). */
    public FullTextHealth fullText() {
        return fullText;
    }

    void articlesRead(List<ArticleOutcome> outcomes) {
        if (!outcomes.isEmpty()) {
            fullText = fullText.after(outcomes);
        }
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    /** Whether the feed should be polled at {@code now}: due, not being polled and not removed. */
    boolean isDue(Instant now) {
        return !removed && !polling.isLocked() && !nextPollAt.isAfter(now);
    }

    /** Stops polls of this feed that are dispatched from now on. */
    void remove() {
        removed = true;
    }

    boolean isRemoved() {
        return removed;
    }

    ReentrantLock polling() {
        return polling;
    }

    void succeeded(Instant at, boolean notModified, int published, Instant next) {
        health = health.succeeded(at, notModified, published);
        nextPollAt = next;
    }

    void failed(Instant at, String reason, Instant next) {
        health = health.failed(at, reason);
        nextPollAt = next;
    }
}
