package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.Subscription;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Alert event is read once where it enters, and a parked delivery carries it as it was published. */
class AlertReaderTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final AlertReader reader = new AlertReader(mapper);

    @Test
    void anAlertIsReadIntoItsViewAndKeepsItsPublishedJson() {
        ObjectNode published = TestAlerts.alert("A story");
        published.put("fieldTheNotifierDoesNotRead", "kept");

        PublishedAlert alert = reader.read(published.toString());

        assertThat(alert.view().alertId()).isEqualTo(published.get("alertId").asText());
        assertThat(alert.view().story().title()).isEqualTo("A story");
        assertThat(alert.json()).as("the text as published").isEqualTo(published.toString());
    }

    @Test
    void whatIsNotAnAlertIsRefusedSayingWhy() {
        assertThatThrownBy(() -> reader.read("{\"alertId\": \"a\", ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> reader.read(TestAlerts.alert("A story") + " {}")).as("forwarded as it is, so one JSON value")
                .hasMessageStartingWith("not an Alert: Trailing token");
        assertThatThrownBy(() -> reader.read("[1, 2]")).hasMessageStartingWith("not an Alert: ");
        assertThatThrownBy(() -> reader.read("{\"alertId\": \"a\"}")).hasMessage("not an Alert: needs alertId, story and matches");
        ObjectNode badScore = TestAlerts.alert("A story");
        ((ObjectNode) badScore.withArray("matches").get(0)).put("score", "high");
        assertThatThrownBy(() -> reader.read(badScore.toString())).hasMessageStartingWith("not an Alert: ");
    }

    @Test
    void aParkedDeliveryCarriesTheAlertAsPublishedAndIsReadBackWithItsView() throws Exception {
        DeliveryJson json = new DeliveryJson(mapper, reader);
        ObjectNode published = TestAlerts.alert("A story");
        published.put("fieldTheNotifierDoesNotRead", "kept");
        Subscription subscription = new Subscription("sub", "sub", null, "x", null, null, null, null, null, true, null,
                Subscription.ORIGIN_API, Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, null, null);
        Delivery delivery = Delivery.first(subscription, reader.read(published.toString()), Instant.EPOCH);

        String written = json.write(delivery);
        Delivery read = json.read(written);

        JsonNode record = mapper.readTree(written);
        assertThat(record.get("alert")).isEqualTo(published);
        assertThat(record.get("deliveryId").asText()).isEqualTo(published.get("alertId").asText() + ":sub");
        assertThat(read.alert().view().story().title()).isEqualTo("A story");
        assertThat(mapper.readTree(read.alert().json())).isEqualTo(published);
        assertThat(json.write(read)).isEqualTo(written);
    }

    @Test
    void aParkedDeliveryKeepsWhereItsAlertSitsInTheAlertsTopicForItsFeedbackLinks() throws Exception {
        DeliveryJson json = new DeliveryJson(mapper, reader);
        ObjectNode published = TestAlerts.alert("A story");
        Subscription subscription = new Subscription("sub", "sub", null, "x", null, null, null, null, null, true, null,
                Subscription.ORIGIN_API, Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, null, null);
        Delivery delivery = Delivery.first(subscription, reader.read(published.toString(), new AlertPosition(2, 41)),
                Instant.EPOCH);

        String written = json.write(delivery);
        Delivery read = json.read(written);

        assertThat(mapper.readTree(written).get("alert")).as("the alert as published, unchanged").isEqualTo(published);
        assertThat(read.alert().position()).isEqualTo(new AlertPosition(2, 41));
        assertThat(json.read(json.write(Delivery.first(subscription, reader.read(published.toString()), Instant.EPOCH)))
                .alert().position()).as("parked before positions were kept").isNull();
    }
}
