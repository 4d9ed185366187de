package dev.newsalerts.poller.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.zip.CRC32;

/**
 * When a feed is polled next. First polls are spread over the interval by a hash of the URL (the
 * same offset at every start, so thousands of feeds do not all fire at once); after a success the
 * next poll is one interval later; after failures the wait doubles from the interval up to
 * {@code maxBackoff}, less up to a quarter at random (jitter, so failing feeds do not fall into
 * step), and never ends sooner than a {@code Retry-After} the server named (itself capped at
 * {@code maxRetryAfter}): no feed is ever parked for good.
 */
public final class PollTiming {

    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) for the jitter */
    public PollTiming(Duration maxBackoff, Duration maxRetryAfter, DoubleSupplier random) {
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** The first poll of a feed known at start-up: somewhere in the first interval, the same place every time. */
    public static Instant firstPoll(String url, Instant start, Duration interval) {
        CRC32 crc = new CRC32();
        crc.update(url.getBytes(StandardCharsets.UTF_8));
        return start.plusMillis(Math.floorMod(crc.getValue(), Math.max(1, interval.toMillis())));
    }

    public Instant afterSuccess(Instant now, Duration interval) {
        return now.plus(interval);
    }

    /** @param consecutiveFailures counting the one that just happened (1 or more) */
    public Instant afterFailure(Instant now, Duration interval, int consecutiveFailures, Optional<Instant> retryAfter) {
        Duration backoff = backoff(interval, consecutiveFailures);
        Duration jitter = Duration.ofMillis((long) (backoff.toMillis() / 4.0 * random.getAsDouble()));
        Instant next = now.plus(backoff).minus(jitter);
        Instant latestAsked = now.plus(maxRetryAfter);
        Instant asked = retryAfter.map(at -> at.isAfter(latestAsked) ? latestAsked : at).orElse(next);
        return asked.isAfter(next) ? asked : next;
    }

    /** The interval doubled once per failure after the first, at most {@code maxBackoff}. */
    Duration backoff(Duration interval, int consecutiveFailures) {
        int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
        Duration backoff = interval.multipliedBy(1L << doublings);
        return backoff.compareTo(maxBackoff) > 0 ? (interval.compareTo(maxBackoff) > 0 ? interval : maxBackoff) : backoff;
    }
}
