package dev.newsalerts.kafka;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The trace a Kafka record carries in its headers (W3C {@code traceparent}, as the Kafka connector
 * writes it), for code that reads records itself or takes them whole, so its work and what it
 * publishes stay in the trace that began with the fetch of a feed.
 */
public final class KafkaTraceContext {

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private KafkaTraceContext() {
    }

    /** @return the record's trace, or the root context when it carries none */
    public static Context of(OpenTelemetry openTelemetry, Headers headers) {
        return openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
    }
}
