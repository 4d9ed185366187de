package dev.newsalerts.notifier.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Subscription;
import java.util.List;

/** Sends alerts to a subscription's receiver, by webhook or email (a port: {@code client/ChannelSenders}). */
public interface AlertSender {

    /**
     * @param published the alert as the classifier published it, which standard webhooks forward
     * @param alert its reader's view
     * @param matches the matches to report
     * @return the receiver's HTTP status (2xx), or 0 for an email
     */
    int send(Subscription subscription, JsonNode published, Alert alert, List<Alert.Match> matches)
            throws DeliveryException;

    /** One mail with the alerts of an email subscription's digest window. */
    void sendDigest(Subscription subscription, List<Alert> alerts) throws DeliveryException;
}
