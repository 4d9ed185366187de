package dev.newsalerts.httpapi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    /** Longer requests are capped: a receiver cannot park deliveries for weeks. */
    private static final Duration MAX = Duration.ofHours(24);

    private RetryAfter() {
    }

    /** @return the wait asked for, or null when the header is absent or unreadable */
    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            wait = value.length() > 9 ? MAX : Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
