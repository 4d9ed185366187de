package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.app.AlertSender;
import dev.newsalerts.notifier.app.DeliveryException;
import dev.newsalerts.notifier.app.FeedbackLinks;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Sends an alert the way its subscription is reached: a signed webhook in its format, or an email,
 * each with the delivery's feedback links when links are on ({@link FeedbackLinks}).
 */
@ApplicationScoped
public class ChannelSenders implements AlertSender {

    private final WebhookSender webhooks;
    private final WebhookPayloads payloads;
    private final EmailSender email;

    private final FeedbackLinks links;

    public ChannelSenders(WebhookSender webhooks, WebhookPayloads payloads, EmailSender email, FeedbackLinks links) {
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.email = email;
        this.links = links;
    }

    @Override
    public int send(Subscription subscription, PublishedAlert alert, List<Alert.Match> matches) throws DeliveryException {
        FeedbackLinks.Pair feedback = links.of(alert, subscription.id()).orElse(null);
        if (subscription.channel() == Channel.EMAIL) {
            email.send(subscription.target(), alert.view().withMatches(matches), feedback);
            return 0;
        }
        return webhooks.send(subscription.target(), subscription.signingSecrets(Instant.now()), alert.view().alertId(),
                payloads.payload(subscription.format(), alert, matches, feedback));
    }

    @Override
    public void sendDigest(Subscription subscription, List<PublishedAlert> alerts) throws DeliveryException {
        email.sendDigest(subscription.target(), alerts.stream().map(alert -> new EmailSender.Item(narrowed(alert.view(), subscription),
                links.of(alert, subscription.id()).orElse(null))).toList(), subscription.digest());
    }

    /** The alert reporting the matches the subscription wants (all of them when it wants none any longer). */
    private static Alert narrowed(Alert alert, Subscription subscription) {
        List<Alert.Match> wanted = subscription.wanted(alert);
        return alert.withMatches(wanted.isEmpty() ? alert.matches() : wanted);
    }
}
