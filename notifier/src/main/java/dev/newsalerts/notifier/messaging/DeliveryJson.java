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

    private final ObjectMapper mapper;

    public DeliveryJson(ObjectMapper mapper, AlertReader alerts) {
        this.mapper = mapper.copy().registerModule(new SimpleModule("published-alert")
                .addSerializer(PublishedAlert.class, new JsonSerializer<>() {
                    @Override
                    public void serialize(PublishedAlert alert, JsonGenerator json, SerializerProvider provider)
                            throws IOException {
                        json.writeTree(alert.json());
                    }
                })
                .addDeserializer(PublishedAlert.class, new JsonDeserializer<>() {
                    @Override
                    public PublishedAlert deserialize(JsonParser json, DeserializationContext context) throws IOException {
                        JsonNode alert = context.readTree(json);
                        try {
                            return alerts.of(alert);
                        } catch (IllegalArgumentException e) {
                            throw JsonMappingException.from(json, e.getMessage(), e);
                        }
                    }
                }));
    }

    /** @throws JsonProcessingException when it is not a delivery */
    Delivery read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Delivery.class);
    }

    String write(Delivery delivery) {
        try {
            return mapper.writeValueAsString(delivery);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a delivery is always writable as JSON", e);
        }
    }
}
