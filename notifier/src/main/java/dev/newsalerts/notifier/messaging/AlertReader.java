package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the {@code Alert} event, once, where it enters: a record of {@code news.alerts}, or the alert
 * a parked delivery carries ({@link DeliveryJson}).
 *
 * <p>The alerts channel keeps Kafka's {@code StringDeserializer} and calls this rather than a Kafka
 * {@code Deserializer<Alert>}: with {@code fail-on-deserialization-failure=false} the connector
 * would add its {@code deserialization-failure-*} headers (the record's bytes among them) to every
 * record it dead-letters, and an alert nacked after it was read would be written to
 * {@code news.alerts.dlq} re-serialized rather than as published.
 */
@ApplicationScoped
public class AlertReader {

    private final ObjectMapper mapper;

    public AlertReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws IllegalArgumentException saying why it is not an alert: the reason its dead letter carries */
    public PublishedAlert read(String json) {
        return read(json, null);
    }

    /**
     * @param position where the record sits in news.alerts, null when not known
     * @throws IllegalArgumentException saying why it is not an alert: the reason its dead letter carries
     */
    public PublishedAlert read(String json, AlertPosition position) {
        JsonNode alert;
        try {
            alert = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (alert == null || !alert.path("alertId").isTextual() || !alert.path("story").isObject()
                || !alert.path("matches").isArray()) {
            throw new IllegalArgumentException("not an Alert: needs alertId, story and matches");
        }
        return of(alert, position);
    }

    /** @throws IllegalArgumentException when a field does not read as the type the notifier expects */
    PublishedAlert of(JsonNode json, AlertPosition position) {
        try {
            return new PublishedAlert(mapper.treeToValue(json, Alert.class), json, position);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an Alert: " + e.getOriginalMessage());
        }
    }
}
