package dev.newsalerts.poller.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.quarkus.runtime.configuration.DurationConverter;
import java.io.IOException;
import java.time.Duration;

/**
 * A feed interval in JSON and YAML: written as ISO-8601 ({@code PT10M}), read as that, as the
 * short forms configuration uses ({@code 10m}, {@code 90s}, {@code 1h}) or as a number of seconds.
 */
public final class IntervalJson {

    private IntervalJson() {
    }

    /** @throws IllegalArgumentException naming the value when it is no duration */
    public static Duration parse(String value) {
        try {
            Duration duration = DurationConverter.parseDuration(value.strip());
            if (duration == null) {
                throw new IllegalArgumentException("empty interval");
            }
            return duration;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not an interval such as 10m, 90s, 1h or PT10M");
        }
    }

    public static final class Writer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    public static final class Reader extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Duration.ofSeconds(parser.getLongValue());
            }
            try {
                return parse(parser.getValueAsString());
            } catch (IllegalArgumentException e) {
                return (Duration) context.handleWeirdStringValue(Duration.class, parser.getValueAsString(), e.getMessage());
            }
        }
    }
}
