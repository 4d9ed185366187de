package dev.newsalerts.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, wait the n-th step of the
 * schedule, stretched by a random share up to {@code jitter} (so that the retries of many
 * deliveries that failed together do not arrive together), and at least what the receiver asked
 * for with Retry-After. After the last step, no more attempts.
 */
public record RetrySchedule(List<Duration> steps, double jitter) {

    /** @param failedAttempts attempts made so far, all failed (at least 1) */
    public Optional<Instant> next(int failedAttempts, Instant now, Duration retryAfter) {
        if (failedAttempts > steps.size()) {
            return Optional.empty();
        }
        Duration step = steps.get(failedAttempts - 1);
        long stretched = (long) (step.toMillis() * (1 + ThreadLocalRandom.current().nextDouble() * jitter));
        Duration wait = Duration.ofMillis(stretched);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return Optional.of(now.plus(wait));
    }

    public int maxAttempts() {
        return steps.size() + 1;
    }
}
