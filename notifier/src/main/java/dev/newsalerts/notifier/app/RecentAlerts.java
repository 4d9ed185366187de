package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Alert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest alerts this instance received, newest first, for {@code GET /alerts/recent}. */
@ApplicationScoped
public class RecentAlerts {

    public record Received(Alert alert, Instant receivedAt) {
    }

    private final int capacity;
    private final Deque<Received> alerts = new ArrayDeque<>();
    private final Map<String, Received> byId = new HashMap<>();

    @Inject
    public RecentAlerts(NotifierConfig config) {
        this(config.recentAlerts());
    }

    RecentAlerts(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps the alert, unless it is held already (read again after a rebalance or a restart: its first arrival counts). */
    public synchronized void add(Alert alert, Instant receivedAt) {
        if (byId.containsKey(alert.alertId())) {
            return;
        }
        Received received = new Received(alert, receivedAt);
        alerts.addFirst(received);
        byId.put(alert.alertId(), received);
        while (alerts.size() > capacity) {
            byId.remove(alerts.removeLast().alert().alertId());
        }
    }

    /** The alert, while this instance still holds it. */
    public synchronized Optional<Alert> find(String alertId) {
        return Optional.ofNullable(byId.get(alertId)).map(Received::alert);
    }

    public synchronized List<Received> latest(int limit) {
        return alerts.stream().limit(limit).toList();
    }
}
