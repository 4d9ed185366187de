package dev.newsalerts.notifier.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The windows an email digest gathers alerts over, written {@code 30s}, {@code 15m} or {@code 1h}
 * (10 seconds to 24 hours). Windows are aligned to the epoch, so every alert of one window, on any
 * instance, is due at the same instant.
 */
public final class DigestWindow {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})([smh])");
    private static final Duration SHORTEST = Duration.ofSeconds(10);
    private static final Duration LONGEST = Duration.ofHours(24);

    private DigestWindow() {
    }

    /** @throws IllegalArgumentException saying what is wrong */
    public static Duration parse(String window) {
        Matcher matcher = FORMAT.matcher(window == null ? "" : window.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("digest must be a number and s, m or h, such as 15m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration length = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("digest must be between 10s and 24h");
        }
        return length;
    }

    /** The end of the window {@code now} falls in. */
    public static Instant end(Instant now, Duration length) {
        long millis = length.toMillis();
        return Instant.ofEpochMilli((now.toEpochMilli() / millis + 1) * millis);
    }
}
