package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollTimingTest {

    private static final Instant NOW = Instant.parse("2026-03-18T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final PollTiming noJitter = new PollTiming(Duration.ofHours(6), Duration.ofHours(24), () -> 0.0);
    private final PollTiming fullJitter = new PollTiming(Duration.ofHours(6), Duration.ofHours(24), () -> 0.999_999);

    @Test
    void firstPollsOfAThousandFeedsAreSpreadEvenlyOverTheInterval() {
        int[] perMinute = new int[5];
        IntStream.range(0, 1000).forEach(i -> {
            Instant first = noJitter.firstPoll("https://host" + (i % 7) + ".example.com/feed/" + i, NOW, INTERVAL);
            assertThat(first).isBetween(NOW, NOW.plus(INTERVAL));
            perMinute[(int) Duration.between(NOW, first).toMinutes()]++;
        });

        assertThat(java.util.Arrays.stream(perMinute).boxed()).allSatisfy(count -> assertThat(count).isBetween(150, 250));
    }

    @Test
    void aFeedGetsTheSameFirstPollOffsetAtEveryStart() {
        String url = "https://news.example.com/feed.xml";
        Duration offset = Duration.between(NOW, noJitter.firstPoll(url, NOW, INTERVAL));
        Instant later = NOW.plus(Duration.ofDays(3));

        assertThat(noJitter.firstPoll(url, later, INTERVAL)).isEqualTo(later.plus(offset));
    }

    @Test
    void afterASuccessTheNextPollIsOneIntervalLater() {
        assertThat(noJitter.afterSuccess(NOW, INTERVAL)).isEqualTo(NOW.plus(INTERVAL));
    }

    @Test
    void theWaitDoublesWithEachFailureInARow() {
        assertThat(noJitter.afterFailure(NOW, INTERVAL, 1, Optional.empty())).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(noJitter.afterFailure(NOW, INTERVAL, 2, Optional.empty())).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(noJitter.afterFailure(NOW, INTERVAL, 4, Optional.empty())).isEqualTo(NOW.plus(Duration.ofMinutes(40)));
    }

    @Test
    void jitterTakesOffUpToAQuarterOfTheWait() {
        Instant earliest = fullJitter.afterFailure(NOW, INTERVAL, 3, Optional.empty());

        assertThat(earliest).isBetween(NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofMinutes(16)));
    }

    @Test
    void aFeedFailingForeverIsStillPolledEverySixHours() {
        for (int failures : new int[] {8, 9, 31, 32, 1_000, Integer.MAX_VALUE}) {
            assertThat(noJitter.afterFailure(NOW, INTERVAL, failures, Optional.empty()))
                    .as("after %d failures", failures).isEqualTo(NOW.plus(Duration.ofHours(6)));
        }
    }

    @Test
    void aRetryAfterLaterThanTheBackoffIsHonoured() {
        Instant askedFor = NOW.plus(Duration.ofHours(2));

        assertThat(noJitter.afterFailure(NOW, INTERVAL, 1, Optional.of(askedFor))).isEqualTo(askedFor);
    }

    @Test
    void aRetryAfterSoonerThanTheBackoffDoesNotShortenIt() {
        assertThat(noJitter.afterFailure(NOW, INTERVAL, 3, Optional.of(NOW.plusSeconds(10))))
                .isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void aRetryAfterOfAYearIsCutToADay() {
        assertThat(noJitter.afterFailure(NOW, INTERVAL, 1, Optional.of(NOW.plus(Duration.ofDays(365)))))
                .isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}
