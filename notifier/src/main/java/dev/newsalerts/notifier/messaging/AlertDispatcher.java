package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.client.DeliveryException;
import dev.newsalerts.notifier.client.EmailSender;
import dev.newsalerts.notifier.client.WebhookPayloads;
import dev.newsalerts.notifier.client.WebhookSender;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.RecentAlerts;
import dev.newsalerts.notifier.domain.Subscription;
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
 * Sends each alert from {@code news.alerts} to every subscription that wants it (its rules, score
 * and language). The alert is acknowledged (its offset committed) only after every delivery
 * succeeded; otherwise it goes to {@code news.alerts.dlq} naming the subscriptions that failed.
 * A webhook that answers 410 Gone disables its subscription instead.
 *
 * <p>Deliveries block (HTTP, SMTP), so they run on a worker of our own rather than on the
 * connector's ordered worker context, where the blocking mailer would wait on itself. Alerts are
 * still handled one at a time, in order: the next starts when the returned stage completes.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);
    private static final int GONE = 410;

    private final ObjectMapper mapper;
    private final NotifierConfig config;
    private final SubscriptionStore subscriptions;
    private final WebhookSender webhooks;
    private final WebhookPayloads payloads;
    private final EmailSender email;
    private final RecentAlerts recent;
    private final ManagedExecutor workers;

    public AlertDispatcher(ObjectMapper mapper, NotifierConfig config, SubscriptionStore subscriptions,
            WebhookSender webhooks, WebhookPayloads payloads, EmailSender email, RecentAlerts recent, ManagedExecutor workers) {
        this.mapper = mapper;
        this.config = config;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.email = email;
        this.recent = recent;
        this.workers = workers;
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
        awaitSubscriptions();
        List<String> failures = new ArrayList<>();
        for (Subscription subscription : subscriptions.all()) {
            List<Alert.Match> wanted = subscription.wanted(alert);
            if (wanted.isEmpty()) {
                continue;
            }
            try {
                if (subscription.channel() == Channel.EMAIL) {
                    email.send(subscription.target(), alert);
                } else {
                    deliverToWebhook(subscription, alert, payloads.payload(subscription.format(), raw, alert, wanted));
                }
                Log.debugf("Alert %s delivered to subscription %s", alert.alertId(), subscription.id());
            } catch (DeliveryException e) {
                Log.warnf("Alert %s not delivered to subscription %s (%s): %s", alert.alertId(), subscription.id(),
                        subscription.name(), e.getMessage());
                failures.add("subscription " + subscription.id() + " (" + subscription.channel().name().toLowerCase()
                        + " " + subscription.target() + "): " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new CompletionException(new IllegalStateException("undelivered: " + String.join("; ", failures)));
        }
    }

    private void deliverToWebhook(Subscription subscription, Alert alert, String payload) throws DeliveryException {
        Duration backoff = config.webhook().backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                webhooks.send(subscription.target(), subscription.secret(), alert.alertId(), payload);
                return;
            } catch (DeliveryException e) {
                if (e.status() == GONE) {
                    subscriptions.disable(subscription, "the receiver answered 410 Gone at " + Instant.now());
                    return;
                }
                if (attempt >= config.webhook().attempts() || !pause(backoff)) {
                    throw e;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private void awaitSubscriptions() {
        try {
            while (!subscriptions.awaitLoaded(LOAD_WAIT)) {
                Log.warnf("Still reading %s; alerts wait until every subscription is known", Topics.SUBSCRIPTIONS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(new IllegalStateException("interrupted while reading the subscriptions"));
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
