package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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

    private final ObjectReader alerts;

    public AlertReader(ObjectMapper mapper) {
        // straight into the view, without a tree; the text is kept as it is, so it must be one JSON value
        this.alerts = mapper.readerFor(Alert.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        Alert alert;
        try {
            alert = alerts.readValue(json);
        } catch (StreamReadException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an Alert: " + e.getOriginalMessage());
        }
        if (alert == null || alert.alertId() == null || alert.story() == null || alert.matches() == null) {
            throw new IllegalArgumentException("not an Alert: needs alertId, story and matches");
        }
        return new PublishedAlert(alert, json, position);
    }
}
