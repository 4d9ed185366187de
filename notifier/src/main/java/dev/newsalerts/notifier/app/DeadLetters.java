package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Replays a subscription's dead deliveries: each is tried again from its first attempt. */
@ApplicationScoped
public class DeadLetters {

    private final DeliveryLog log;
    private final ParkedDeliveries parked;

    public DeadLetters(DeliveryLog log, ParkedDeliveries parked) {
        this.log = log;
        this.parked = parked;
    }

    /**
     * @param deliveryId the one to replay, or null for all those still dead
     * @return how many were replayed
     */
    public int replay(String subscriptionId, String deliveryId) {
        int replayed = 0;
        for (Delivery dead : parked.deadLettersOf(subscriptionId)) {
            DeliveryRecord record = log.get(dead.deliveryId()).orElse(null);
            boolean stillDead = record == null || record.state() == DeliveryRecord.State.DEAD;
            if (stillDead && (deliveryId == null || deliveryId.equals(dead.deliveryId()))) {
                Instant now = Instant.now();
                // The log first: the retry consumer skips a delivery whose log shows more attempts than it carries.
                log.record(new DeliveryRecord(dead.deliveryId(), subscriptionId, dead.alertId(),
                        record == null ? null : record.storyTitle(), DeliveryRecord.State.RETRYING, 0,
                        record == null ? List.of() : record.attempts(), now));
                parked.retryLater(dead.replayed(now));
                replayed++;
            }
        }
        Log.infof("Replayed %d dead deliveries of subscription %s", replayed, subscriptionId);
        return replayed;
    }
}
