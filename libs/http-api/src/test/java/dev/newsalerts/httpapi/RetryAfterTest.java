package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void delaySecondsAndHttpDatesAreRead() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aDateInThePastMeansNowAndAbsurdWaitsAreCappedAtADay() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 08:00:00 GMT", NOW)).isZero();
        assertThat(RetryAfter.parse("99999999999999", NOW)).isEqualTo(Duration.ofHours(24));
        assertThat(RetryAfter.parse("604800", NOW)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void absentOrUnreadableHeadersAreIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
    }
}
