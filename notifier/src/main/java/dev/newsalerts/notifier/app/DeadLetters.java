package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Replays a subscription's dead deliveries (given up, or refused with 410 Gone): each is tried again from its first attempt. */
@ApplicationScoped
public class DeadLetters {

    private final DeliveryLog log;
    private final ParkedDeliveries parked;
    private final DeliveryOutcomes outcomes;

    public DeadLetters(DeliveryLog log, ParkedDeliveries parked, DeliveryOutcomes outcomes) {
        this.log = log;
        this.parked = parked;
        this.outcomes = outcomes;
    }

    /**
     * @param deliveryId the one to replay, or null for all those still dead
     * @return how many were replayed
     */
    public int replay(String subscriptionId, String deliveryId) {
        int replayed = 0;
        for (Delivery dead : parked.deadLettersOf(subscriptionId)) {
            DeliveryRecord record = log.get(dead.deliveryId()).orElse(null);
            boolean stillDead = record == null || record.state() == DeliveryRecord.State.DEAD
                    || record.state() == DeliveryRecord.State.GONE;
            if (stillDead && (deliveryId == null || deliveryId.equals(dead.deliveryId()))) {
                outcomes.replayed(dead, record, Instant.now());
                replayed++;
            }
        }
        Log.infof("Replayed %d dead deliveries of subscription %s", replayed, subscriptionId);
        return replayed;
    }
}
