package dev.newsalerts.poller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.PollTiming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-03-18T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();
    private final Queue<String> started = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void oneHostWithManyDueFeedsGetsAtMostTwoFetchesAtATime() {
        List<PolledFeed> feeds = IntStream.range(0, 6).mapToObj(i -> feed("https://busy.example.com/feed/" + i, NOW)).toList();
        PolledFeed other = feed("https://quiet.example.org/feed", NOW);
        PollDispatcher dispatcher = dispatcher(8);

        int first = dispatcher.dispatchDue(concat(feeds, other));

        assertThat(first).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 3);
        assertThat(dispatcher.dispatchDue(concat(feeds, other))).isZero();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 3);
        int dispatched = 3;
        while (dispatched < 7) {
            dispatched += dispatcher.dispatchDue(concat(feeds, other));
            int expected = dispatched;
            await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == expected);
        }
        assertThat(mostAtOnce).containsEntry("busy.example.com", 2).containsEntry("quiet.example.org", 1);
    }

    @Test
    void onlyDueFeedsStartTheMostOverdueFirstWithinTheOverallLimit() {
        PolledFeed late = feed("https://a.example.com/late", NOW.minusSeconds(60));
        PolledFeed justDue = feed("https://b.example.com/due", NOW);
        PolledFeed notYet = feed("https://c.example.com/later", NOW.plusSeconds(1));
        PolledFeed lateToo = feed("https://d.example.com/late", NOW.minusSeconds(30));

        int count = dispatcher(2).dispatchDue(List.of(justDue, notYet, lateToo, late));

        assertThat(count).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 2);
        assertThat(started).containsExactlyInAnyOrder("https://a.example.com/late", "https://d.example.com/late");
    }

    @Test
    void aPassThatMayWaitStartsMoreDueFeedsThanThereAreSlotsAsPollsEnd() {
        List<PolledFeed> feeds = IntStream.range(0, 20).mapToObj(i -> feed("https://host" + i + ".example.com/feed", NOW)).toList();
        release.countDown(); // polls end at once
        PollDispatcher dispatcher = dispatcher(2);

        int count = dispatcher.dispatchDue(feeds, Duration.ofSeconds(10));

        assertThat(count).isEqualTo(20);
        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 20);
        assertThat(dispatcher(2).dispatchDue(feeds, Duration.ofMillis(100))).as("none is due any more").isZero();
    }

    @Test
    void aFailingFeedIsPolledAgainOnceItsBackoffHasPassed() {
        release.countDown();
        PollTiming timing = new PollTiming(Duration.ofHours(6), Duration.ofHours(24), () -> 0.0);
        PolledFeed feed = feed("https://broken.example.com/feed", NOW);
        PollDispatcher dispatcher = new PollDispatcher(executor, 4, new HostLimiter(2), () -> clock.instant(), polled -> {
            started.add(polled.source().url());
            polled.failed(clock.instant(), "HTTP status 500",
                    timing.afterFailure(clock.instant(), INTERVAL, polled.health().consecutiveFailures() + 1, java.util.Optional.empty()));
            finished.incrementAndGet();
        });

        for (int failure = 1; failure <= 12; failure++) {
            assertThat(dispatcher.dispatchDue(List.of(feed))).isEqualTo(1);
            int done = failure;
            await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == done);
            assertThat(dispatcher.dispatchDue(List.of(feed))).as("not due before its backoff ends").isZero();
            clock = Clock.fixed(feed.nextPollAt(), ZoneOffset.UTC);
        }

        assertThat(feed.health().consecutiveFailures()).isEqualTo(12);
        assertThat(Duration.between(feed.health().lastPolledAt(), feed.nextPollAt())).isEqualTo(Duration.ofHours(6));
    }

    private PollDispatcher dispatcher(int maxConcurrent) {
        return new PollDispatcher(executor, maxConcurrent, new HostLimiter(2), () -> clock.instant(), this::blockingPoll);
    }

    private void blockingPoll(PolledFeed feed) {
        String host = feed.source().host();
        started.add(feed.source().url());
        int now = running.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        mostAtOnce.merge(host, now, Math::max);
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.get(host).decrementAndGet();
        feed.succeeded(clock.instant(), false, 0, clock.instant().plus(INTERVAL));
        finished.incrementAndGet();
    }

    private static PolledFeed feed(String url, Instant due) {
        return new PolledFeed(new FeedSource(url, null, null), PolledFeed.Origin.FILE, INTERVAL, due);
    }

    private static List<PolledFeed> concat(List<PolledFeed> feeds, PolledFeed one) {
        return java.util.stream.Stream.concat(feeds.stream(), java.util.stream.Stream.of(one)).toList();
    }
}
