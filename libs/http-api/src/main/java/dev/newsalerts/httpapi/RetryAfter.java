package dev.newsalerts.httpapi;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delay seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The instant the header names, relative to {@code now}; empty when absent or unreadable. */
    public static Optional<Instant> at(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (isDelaySeconds(value)) {
            try {
                return Optional.of(now.plusSeconds(Long.parseLong(value)));
            } catch (NumberFormatException | DateTimeException e) {
                return Optional.empty(); // more than a long holds, or beyond the last instant Java knows
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The wait the header asks for from {@code now}: zero for a date in the past, at most {@code max}
     * (a number too long to read asks for more than any cap).
     *
     * @return the wait, or null when the header is absent or unreadable
     */
    public static Duration delay(String header, Instant now, Duration max) {
        String value = header == null ? "" : header.strip();
        if (isDelaySeconds(value)) {
            long seconds = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
            return seconds > max.toSeconds() ? max : Duration.ofSeconds(seconds);
        }
        return at(header, now).map(instant -> Duration.between(now, instant))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .map(wait -> wait.compareTo(max) > 0 ? max : wait)
                .orElse(null);
    }

    private static boolean isDelaySeconds(String value) {
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }
}
