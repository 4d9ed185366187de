package dev.newsalerts.notifier.client;

import dev.newsalerts.kafka.KafkaTraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace of an alert (W3C {@code traceparent}) where the Kafka connector does not: out of
 * the retry topics, which the notifier reads with a consumer of its own, and into webhook requests,
 * so a receiver can join the trace that began with the feed's fetch.
 */
@ApplicationScoped
public class TracePropagation {

    private final OpenTelemetry openTelemetry;

    public TracePropagation(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /** The trace a Kafka record's headers carry, or the root context when they carry none. */
    public Context fromKafka(Headers headers) {
        return KafkaTraceContext.of(openTelemetry, headers);
    }

    /** Adds the current trace's headers ({@code traceparent}, …) to an outgoing request. */
    public void toRequest(BiConsumer<String, String> header) {
        openTelemetry.getPropagators().getTextMapPropagator()
                .inject(Context.current(), header, (carrier, key, value) -> carrier.accept(key, value));
    }
}
