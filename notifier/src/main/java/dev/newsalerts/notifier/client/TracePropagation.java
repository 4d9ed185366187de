package dev.newsalerts.notifier.client;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;

/**
 * Carries the trace of an alert (W3C {@code traceparent}) into webhook requests, so a receiver can
 * join the trace that began with the feed's fetch.
 */
@ApplicationScoped
public class TracePropagation {

    private final OpenTelemetry openTelemetry;

    public TracePropagation(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /** Adds the current trace's headers ({@code traceparent}, …) to an outgoing request. */
    public void toRequest(BiConsumer<String, String> header) {
        openTelemetry.getPropagators().getTextMapPropagator()
                .inject(Context.current(), header, (carrier, key, value) -> carrier.accept(key, value));
    }
}
