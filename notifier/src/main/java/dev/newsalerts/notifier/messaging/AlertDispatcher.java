package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.client.DeliveryException;
import dev.newsalerts.notifier.client.EmailSender;
import dev.newsalerts.notifier.client.WebhookSender;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.RecentAlerts;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sends each alert from {@code news.alerts} to every configured webhook and email address. The
 * alert is acknowledged (its offset committed) only after every delivery succeeded; otherwise it
 * goes to {@code news.alerts.dlq} naming the deliveries that failed.
 *
 * <p>Deliveries block (HTTP, SMTP), so they run on a worker of our own rather than on the
 * connector's ordered worker context, where the blocking mailer would wait on itself. Alerts are
 * still handled one at a time, in order: the next starts when the returned stage completes.
 */
@ApplicationScoped
public class AlertDispatcher {

    private final ObjectMapper mapper;
    private final NotifierConfig config;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final RecentAlerts recent;
    private final ManagedExecutor workers;

    public AlertDispatcher(ObjectMapper mapper, NotifierConfig config, WebhookSender webhooks, EmailSender email,
            RecentAlerts recent, ManagedExecutor workers) {
        this.workers = workers;
        this.mapper = mapper;
        this.config = config;
        this.webhooks = webhooks;
        this.email = email;
        this.recent = recent;
    }

    @Incoming(Topics.ALERTS_CHANNEL)
    public CompletionStage<Void> dispatch(String json) {
        JsonNode raw = parse(json);
        Alert alert = mapper.convertValue(raw, Alert.class);
        recent.add(alert, Instant.now());
        Log.infof("Alert %s: \"%s\" (%s)", alert.alertId(), alert.story().title(),
                alert.matches().stream().map(Alert.Match::ruleId).toList());
        return CompletableFuture.runAsync(() -> deliver(raw, alert), workers);
    }

    private void deliver(JsonNode raw, Alert alert) {
        List<String> failures = new ArrayList<>();
        String payload = webhookPayload(raw);
        for (String url : config.webhookUrls().orElse(List.of())) {
            deliverToWebhook(url, alert.alertId(), payload, failures);
        }
        for (String address : config.emailTo().orElse(List.of())) {
            try {
                email.send(address, alert);
                Log.debugf("Alert %s emailed to %s", alert.alertId(), address);
            } catch (DeliveryException e) {
                failures.add("email " + address + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new CompletionException(new IllegalStateException("undelivered: " + String.join("; ", failures)));
        }
    }

    private void deliverToWebhook(String url, String alertId, String payload, List<String> failures) {
        Duration backoff = config.webhook().backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                int status = webhooks.send(url, alertId, payload);
                Log.debugf("Alert %s delivered to %s (HTTP %d)", alertId, url, status);
                return;
            } catch (DeliveryException e) {
                if (attempt >= config.webhook().attempts()) {
                    Log.warnf("Alert %s not delivered to %s after %d attempts: %s", alertId, url, attempt, e.getMessage());
                    failures.add("webhook " + url + ": " + e.getMessage());
                    return;
                }
                if (!pause(backoff)) {
                    failures.add("webhook " + url + ": interrupted while retrying");
                    return;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** Waits between attempts to a failing receiver; false when interrupted (shutting down). */
    private static boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Standard Webhooks envelope: the alert exactly as the classifier published it, under {@code data}. */
    private String webhookPayload(JsonNode alert) {
        return mapper.createObjectNode()
                .put("type", "alert.matched")
                .put("timestamp", Instant.now().toString())
                .set("data", alert)
                .toString();
    }

    private JsonNode parse(String json) {
        try {
            JsonNode alert = mapper.readTree(json);
            if (alert == null || !alert.path("alertId").isTextual() || !alert.path("story").isObject()
                    || !alert.path("matches").isArray()) {
                throw new IllegalArgumentException("not an Alert: needs alertId, story and matches");
            }
            return alert;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }
}
