package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.Subscription;
import java.util.List;

/** Sends alerts to a subscription's receiver, by webhook or email (a port: {@code client/ChannelSenders}). */
public interface AlertSender {

    /**
     * @param alert the alert; standard webhooks forward it as published
     * @param matches the matches to report (those the subscription wants)
     * @return the receiver's HTTP status (2xx), or 0 for an email
     */
    int send(Subscription subscription, PublishedAlert alert, List<Alert.Match> matches)
            throws DeliveryException;

    /**
     * One mail with the alerts of an email subscription's digest window.
     *
     * @param alerts their views narrowed to the matches the subscription wants
     */
    void sendDigest(Subscription subscription, List<PublishedAlert> alerts) throws DeliveryException;
}
