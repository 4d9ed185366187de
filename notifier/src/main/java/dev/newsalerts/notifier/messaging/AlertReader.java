package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Reads the {@code Alert} event, once, where it enters: a record of {@code news.alerts}, or the alert
 * a parked delivery carries ({@link DeliveryJson}).
 *
 * <p>The alerts channel keeps Kafka's {@code StringDeserializer} and calls this rather than a Kafka
 * {@code Deserializer<Alert>}: with {@code fail-on-deserialization-failure=false} the connector
 * would add its {@code deserialization-failure-*} headers (the record's bytes among them) to every
 * record it dead-letters, and an alert nacked after it was read would be written to
 * {@code news.alerts.dlq} re-serialized rather than as published.
 *
 * <p>Webhooks and email read each record of news.alerts, in consumer groups of their own, at about
 * the same time: the reading of a record is kept by its place for the other (reading alerts took
 * 13% of the notifier's CPU at 1,000 stories a second, each read twice).
 */
@ApplicationScoped
public class AlertReader {

    /** Records kept: as many as the two lanes can be apart, with room to spare (each has at most 256 alerts in flight by default). */
    private static final int RECENT = 1024;

    private final ObjectMapper mapper;
    private final AtomicReferenceArray<Reading> recent = new AtomicReferenceArray<>(RECENT);

    /** A record's text and what it read as. */
    private record Reading(AlertPosition position, String json, PublishedAlert alert) {
    }

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
        if (position == null) {
            return parse(json, null);
        }
        int slot = (int) Math.floorMod(31L * position.partition() + position.offset(), RECENT);
        Reading kept = recent.get(slot);
        if (kept != null && kept.position().equals(position) && kept.json().equals(json)) {
            return kept.alert();
        }
        PublishedAlert alert = parse(json, position);
        recent.set(slot, new Reading(position, json, alert));
        return alert;
    }

    private PublishedAlert parse(String json, AlertPosition position) {
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
