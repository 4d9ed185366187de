package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the notifier reports at {@code /q/metrics}: {@code notifier_deliveries_total} by channel and
 * outcome (delivered, failed: an attempt failed and a retry is parked; dead: given up; gone: 410;
 * postponed: parked without an attempt, its receiver cooling down or busy), the time each
 * successful attempt took ({@code notifier_delivery_seconds}), and the parked deliveries waiting
 * in the partitions this instance reads ({@code notifier_retries_waiting}), and the subscriptions
 * by state ({@code notifier_subscriptions}, {@code state} enabled or disabled).
 */
@ApplicationScoped
public class DeliveryMetrics {

    public enum Outcome {
        DELIVERED, FAILED, DEAD, GONE, POSTPONED
    }

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Channel channel, Outcome outcome) {
        Counter.builder("notifier.deliveries").description("Deliveries by channel and outcome")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    void delivered(Channel channel, Duration took) {
        count(channel, Outcome.DELIVERED);
        Timer.builder("notifier.delivery").description("Time taken by successful delivery attempts")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT)).register(registry).record(took);
    }

    /**
     * Gauges of the subscriptions that take deliveries and those disabled (by the notifier, the API or
     * configuration), until {@link AutoCloseable#close}: the registry may outlive the source (tests
     * restart the application in one JVM), and a gauge left behind would go on reading the old one.
     */
    public AutoCloseable subscriptions(Supplier<List<Subscription>> all) {
        List<Gauge> gauges = Stream.of(true, false).map(enabled -> Gauge.builder("notifier.subscriptions", all,
                        subscriptions -> subscriptions.get().stream().filter(subscription -> subscription.enabled() == enabled).count())
                .description("Subscriptions by state").tag("state", enabled ? "enabled" : "disabled")
                .strongReference(true).register(registry)).toList();
        return () -> gauges.forEach(registry::remove);
    }

    public void retriesWaiting(Supplier<Number> waiting) {
        Gauge.builder("notifier.retries.waiting", waiting, supplier -> supplier.get().doubleValue())
                .description("Parked deliveries not read yet, in the retry partitions this instance reads")
                .strongReference(true).register(registry);
    }
}
