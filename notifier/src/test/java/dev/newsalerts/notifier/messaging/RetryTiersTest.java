package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTiersTest {

    private final RetryTiers tiers = new RetryTiers(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10)), 0.2);

    @Test
    void eachStepOfTheScheduleHasATopicNamedAfterItsWaitPlusOneForDayLongWaits() {
        assertThat(tiers.topics()).containsExactly("news.deliveries.retry.5s", "news.deliveries.retry.5m",
                "news.deliveries.retry.30m", "news.deliveries.retry.2h", "news.deliveries.retry.5h",
                "news.deliveries.retry.10h", "news.deliveries.retry.1d");
    }

    @Test
    void aRetryGoesToTheTierOfItsStepEvenWhenTheJitterStretchedIt() {
        assertThat(tiers.topicFor(Duration.ofSeconds(5))).isEqualTo("news.deliveries.retry.5s");
        assertThat(tiers.topicFor(Duration.ofMillis(5_999))).isEqualTo("news.deliveries.retry.5s");
        assertThat(tiers.topicFor(Duration.ofMinutes(6))).isEqualTo("news.deliveries.retry.5m");
        assertThat(tiers.topicFor(Duration.ofHours(12))).isEqualTo("news.deliveries.retry.10h");
    }

    @Test
    void shortWaitsGoToTheShortestTierAndWaitsBeyondTheLongestToTheLongest() {
        assertThat(tiers.topicFor(Duration.ZERO)).isEqualTo("news.deliveries.retry.5s");
        assertThat(tiers.topicFor(Duration.ofSeconds(7))).as("a Retry-After of 7 s").isEqualTo("news.deliveries.retry.5m");
        assertThat(tiers.topicFor(Duration.ofDays(3))).isEqualTo("news.deliveries.retry.1d");
    }

    @Test
    void theReachOfATierIsReadFromItsNameSoTiersOfAnEarlierScheduleStillWork() {
        assertThat(tiers.reach("news.deliveries.retry.300ms")).contains(Duration.ofMillis(360));
        assertThat(tiers.reach("news.deliveries.retry.2h")).contains(Duration.ofMinutes(144));
        assertThat(tiers.reach("news.deliveries.dlq")).isEmpty();
        assertThat(RetryTiers.TOPICS.matcher("news.deliveries.retry.15m").matches()).isTrue();
        assertThat(RetryTiers.TOPICS.matcher("news.deliveries.dlq").matches()).isFalse();
    }

    @Test
    void waitsThatAreNotWholeSecondsAreNamedInMilliseconds() {
        RetryTiers test = new RetryTiers(List.of(Duration.ofMillis(300), Duration.ofMillis(1200), Duration.ofSeconds(90)), 0);
        assertThat(test.topics()).containsExactly("news.deliveries.retry.300ms", "news.deliveries.retry.1200ms",
                "news.deliveries.retry.90s", "news.deliveries.retry.1d");
    }
}
