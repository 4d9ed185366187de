package dev.newsalerts.poller.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;
import org.apache.kafka.common.header.Headers;

/** JSON values, and a real tombstone (no value, rather than the JSON {@code null}) for a null one. */
public class TombstoneAwareSerializer extends ObjectMapperSerializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        return data == null ? null : super.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        return data == null ? null : super.serialize(topic, headers, data);
    }
}
