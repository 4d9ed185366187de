package dev.newsalerts.poller.client;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: a number of seconds or an HTTP-date (RFC 9110 section 10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The instant the header names, relative to {@code now}; empty when absent or unreadable. */
    static Optional<Instant> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(now.plusSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more digits than a long holds
            }
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
