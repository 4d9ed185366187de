package dev.newsalerts.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.domain.Alert;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentAlertsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void theLatestAlertsComeNewestFirstAndTheOldestLeaveBeyondTheCapacity() throws Exception {
        RecentAlerts recent = new RecentAlerts(2);
        Alert first = alert("first");
        Alert second = alert("second");
        Alert third = alert("third");

        recent.add(first, T0);
        recent.add(second, T0.plusSeconds(1));
        recent.add(third, T0.plusSeconds(2));

        assertThat(recent.latest(10)).extracting(received -> received.alert().story().title()).containsExactly("third", "second");
        assertThat(recent.find(first.alertId())).isEmpty();
        assertThat(recent.find(second.alertId())).contains(second);
    }

    @Test
    void anAlertReadAgainIsHeldOnceWithItsFirstArrival() throws Exception {
        RecentAlerts recent = new RecentAlerts(10);
        Alert alert = alert("one");

        recent.add(alert, T0);
        recent.add(alert("other"), T0.plusSeconds(1));
        recent.add(alert, T0.plusSeconds(2));

        assertThat(recent.latest(10)).hasSize(2);
        assertThat(recent.latest(10).get(1).alert()).isEqualTo(alert);
        assertThat(recent.latest(10).get(1).receivedAt()).isEqualTo(T0);
    }

    private static Alert alert(String title) throws Exception {
        return MAPPER.treeToValue(TestAlerts.alert(title), Alert.class);
    }
}
