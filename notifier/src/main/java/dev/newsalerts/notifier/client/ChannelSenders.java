package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.app.AlertSender;
import dev.newsalerts.notifier.app.DeliveryException;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Sends an alert the way its subscription is reached: a signed webhook in its format, or an email. */
@ApplicationScoped
public class ChannelSenders implements AlertSender {

    private final WebhookSender webhooks;
    private final WebhookPayloads payloads;
    private final EmailSender email;

    public ChannelSenders(WebhookSender webhooks, WebhookPayloads payloads, EmailSender email) {
        this.webhooks = webhooks;
        this.payloads = payloads;
        this.email = email;
    }

    @Override
    public int send(Subscription subscription, PublishedAlert alert, List<Alert.Match> matches) throws DeliveryException {
        if (subscription.channel() == Channel.EMAIL) {
            email.send(subscription.target(), alert.view().withMatches(matches));
            return 0;
        }
        return webhooks.send(subscription.target(), subscription.secret(), alert.view().alertId(),
                payloads.payload(subscription.format(), alert, matches));
    }

    @Override
    public void sendDigest(Subscription subscription, List<Alert> alerts) throws DeliveryException {
        email.sendDigest(subscription.target(), alerts, subscription.digest());
    }
}
