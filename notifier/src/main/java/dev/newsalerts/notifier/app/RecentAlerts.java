package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The latest alerts this instance received, newest first, for {@code GET /alerts/recent}. */
@ApplicationScoped
public class RecentAlerts {

    public record Received(Alert alert, Instant receivedAt) {
    }

    private final int capacity;
    private final Deque<Received> alerts = new ArrayDeque<>();

    public RecentAlerts(NotifierConfig config) {
        this.capacity = config.recentAlerts();
    }

    public synchronized void add(Alert alert, Instant receivedAt) {
        alerts.removeIf(received -> received.alert().alertId().equals(alert.alertId()));
        alerts.addFirst(new Received(alert, receivedAt));
        while (alerts.size() > capacity) {
            alerts.removeLast();
        }
    }

    /** The alert, while this instance still holds it. */
    public synchronized Optional<Alert> find(String alertId) {
        return alerts.stream().map(Received::alert).filter(alert -> alert.alertId().equals(alertId)).findFirst();
    }

    public synchronized List<Received> latest(int limit) {
        return alerts.stream().limit(limit).toList();
    }
}
