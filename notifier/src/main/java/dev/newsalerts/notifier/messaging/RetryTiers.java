package dev.newsalerts.notifier.messaging;

import dev.newsalerts.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics parked deliveries wait in, one per length of wait: {@code news.deliveries.retry.5s},
 * {@code news.deliveries.retry.5m}, and so on for each step of the retry schedule, plus one of 24 h
 * for the longest digest windows and Retry-After answers. A delivery goes to the shortest tier
 * whose wait, stretched by the jitter, covers its own, so within one tier the records fall due in
 * about the order they were written, and a reader need only look at the head of each partition:
 * nothing waits in memory, and offsets are committed in order.
 *
 * <p>The price: a record waits behind a head that falls due later, by at most the difference
 * between its tier and the next shorter one (a 1-minute postponement in the 5-minute tier may go
 * out up to 5 minutes late). A tier's wait is read from its name, so records left in tiers of an
 * earlier schedule are still read correctly.
 */
public final class RetryTiers {

    static final String PREFIX = Topics.DELIVERY_RETRIES + ".";
    /** Every tier topic, of this schedule or an earlier one. */
    static final Pattern TOPICS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)(ms|s|m|h|d)");
    private static final Duration LONGEST_WAIT = Duration.ofHours(24);

    private final List<Duration> waits;
    private final double jitter;

    /** @param jitter the share a wait may be stretched by (0.2: up to 20% longer) */
    public RetryTiers(List<Duration> schedule, double jitter) {
        TreeSet<Duration> distinct = new TreeSet<>(schedule);
        if (distinct.isEmpty() || distinct.last().compareTo(LONGEST_WAIT) < 0) {
            distinct.add(LONGEST_WAIT);
        }
        this.waits = List.copyOf(distinct);
        this.jitter = jitter;
    }

    public List<String> topics() {
        return waits.stream().map(RetryTiers::name).toList();
    }

    /** The tier for a delivery due {@code wait} from now. */
    public String topicFor(Duration wait) {
        return waits.stream().filter(tier -> reach(tier).compareTo(wait) >= 0).findFirst()
                .map(RetryTiers::name).orElse(name(waits.get(waits.size() - 1)));
    }

    /** The longest a record of this tier may still have to wait; a longer one is in the wrong tier. */
    public Optional<Duration> reach(String topic) {
        return waitOf(topic).map(this::reach);
    }

    private Duration reach(Duration tier) {
        return Duration.ofMillis((long) Math.ceil(tier.toMillis() * (1 + jitter)));
    }

    static Optional<Duration> waitOf(String topic) {
        Matcher matcher = TOPICS.matcher(topic);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    static String name(Duration wait) {
        long millis = wait.toMillis();
        String[] units = {"d", "h", "m", "s"};
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (millis % sizes[i] == 0) {
                return PREFIX + millis / sizes[i] + units[i];
            }
        }
        return PREFIX + millis + "ms";
    }
}
