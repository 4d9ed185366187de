package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.PublishedAlert;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Deliveries as the retry topics and {@code news.deliveries.dlq} hold them: JSON whose {@code alert}
 * is the alert as the classifier published it, read into its typed view once, with the record.
 */
@ApplicationScoped
public class DeliveryJson {

    /** Where the delivery's alert sits in news.alerts (for feedback links), beside the alert as published. */
    private static final String POSITION = "alertPosition";

    private final ObjectMapper mapper;

    public DeliveryJson(ObjectMapper mapper, AlertReader alerts) {
        this.mapper = mapper.copy().registerModule(new SimpleModule("published-alert")
                .addSerializer(PublishedAlert.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(PublishedAlert alert, JsonGenerator json, SerializerProvider provider)
                            throws IOException {
                        json.writeRawValue(alert.json());
                    }
                })
                .addDeserializer(PublishedAlert.class, new JsonDeserializer<>() {
                    @Override
                    public PublishedAlert deserialize(JsonParser json, DeserializationContext context) throws IOException {
                        JsonNode alert = context.readTree(json);
                        try {
                            return alerts.read(alert.toString()); // its position is the delivery's alertPosition
                        } catch (IllegalArgumentException e) {
                            throw JsonMappingException.from(json, e.getMessage(), e);
                        }
                    }
                }));
    }

    /** @throws JsonProcessingException when it is not a delivery */
    Delivery read(String json) throws JsonProcessingException {
        JsonNode tree = mapper.readTree(json);
        Delivery delivery = mapper.treeToValue(tree, Delivery.class);
        JsonNode position = tree == null ? null : tree.get(POSITION);
        if (delivery == null || delivery.alert() == null || position == null || !position.isObject()) {
            return delivery;
        }
        PublishedAlert alert = delivery.alert();
        return delivery.withAlert(new PublishedAlert(alert.view(), alert.json(), mapper.treeToValue(position, AlertPosition.class)));
    }

    /** The delivery, with its alert as published and, beside it, the alert's place in news.alerts. */
    String write(Delivery delivery) {
        try {
            ObjectNode tree = mapper.valueToTree(delivery);
            if (delivery.alert() != null && delivery.alert().position() != null) {
                tree.set(POSITION, mapper.valueToTree(delivery.alert().position()));
            }
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("a delivery is always writable as JSON", e);
        }
    }
}
