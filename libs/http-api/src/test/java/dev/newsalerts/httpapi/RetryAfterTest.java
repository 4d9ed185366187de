package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    /** The notifier's cap: a receiver cannot park deliveries for weeks. */
    private static final Duration A_DAY = Duration.ofHours(24);

    @Test
    void delaySecondsAndHttpDatesAreRead() {
        assertThat(RetryAfter.delay("120", NOW, A_DAY)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.delay("Mon, 23 Nov 2026 09:05:00 GMT", NOW, A_DAY)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aDateInThePastMeansNowAndAbsurdWaitsAreCappedAtADay() {
        assertThat(RetryAfter.delay("Mon, 23 Nov 2026 08:00:00 GMT", NOW, A_DAY)).isZero();
        assertThat(RetryAfter.delay("99999999999999", NOW, A_DAY)).isEqualTo(Duration.ofHours(24));
        assertThat(RetryAfter.delay("604800", NOW, A_DAY)).isEqualTo(Duration.ofHours(24));
        assertThat(RetryAfter.delay("99999999999999999", NOW, A_DAY)).isEqualTo(Duration.ofHours(24));
        assertThat(RetryAfter.delay("999999999999999999", NOW, A_DAY)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void absentOrUnreadableHeadersAreIgnored() {
        assertThat(RetryAfter.delay(null, NOW, A_DAY)).isNull();
        assertThat(RetryAfter.delay("soon", NOW, A_DAY)).isNull();
        assertThat(RetryAfter.delay("-5", NOW, A_DAY)).isNull();
    }

    @Test
    void theInstantNamedIsKeptExactlyHoweverFarAway() {
        assertThat(RetryAfter.at("Tue, 06 May 2031 07:08:09 GMT", NOW)).contains(Instant.parse("2031-05-06T07:08:09Z"));
        assertThat(RetryAfter.at("120", NOW)).contains(NOW.plusSeconds(120));
        assertThat(RetryAfter.at("99999999999999999999", NOW)).isEmpty();
        assertThat(RetryAfter.at("99999999999999999", NOW)).as("beyond the last instant Java knows").isEmpty();
    }
}
