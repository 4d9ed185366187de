package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.TokenRequired;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import dev.newsalerts.notifier.messaging.DeliveryLog;
import dev.newsalerts.notifier.messaging.ParkedDeliveries;
import dev.newsalerts.notifier.messaging.SubscriptionStore;
import io.quarkus.logging.Log;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A subscription's delivery log, and its dead letters replayed; every call needs the API token. */
@Path("/subscriptions/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@TokenRequired
@SecurityRequirement(name = "token")
public class DeliveryResource {

    private final SubscriptionStore subscriptions;
    private final DeliveryLog log;
    private final ParkedDeliveries parked;

    public DeliveryResource(SubscriptionStore subscriptions, DeliveryLog log, ParkedDeliveries parked) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.parked = parked;
    }

    @GET
    @Operation(summary = "The latest deliveries to this subscription, each with its state and last attempts"
            + " (time, HTTP status, latency, error)")
    public List<DeliveryRecord> deliveries(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
        existing(id);
        if (limit < 1 || limit > 1000) {
            throw SubscriptionResource.error(Response.Status.BAD_REQUEST, "limit must be between 1 and 1000");
        }
        return log.of(id, limit);
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Try the subscription's dead deliveries again from the first attempt (all, or one by deliveryId)")
    public Map<String, Integer> replay(@PathParam("id") String id, @QueryParam("deliveryId") String deliveryId) {
        existing(id);
        int replayed = 0;
        for (Delivery dead : parked.deadLettersOf(id)) {
            DeliveryRecord record = log.get(dead.deliveryId()).orElse(null);
            boolean stillDead = record == null || record.state() == DeliveryRecord.State.DEAD;
            if (stillDead && (deliveryId == null || deliveryId.equals(dead.deliveryId()))) {
                Instant now = Instant.now();
                // The log first: the retry consumer skips a delivery whose log shows more attempts than it carries.
                log.record(new DeliveryRecord(dead.deliveryId(), id, dead.alertId(), record == null ? null : record.storyTitle(),
                        DeliveryRecord.State.RETRYING, 0, record == null ? List.of() : record.attempts(), now));
                parked.retryLater(dead.replayed(now));
                replayed++;
            }
        }
        Log.infof("Replayed %d dead deliveries of subscription %s", replayed, id);
        return Map.of("replayed", replayed);
    }

    private void existing(String id) {
        if (subscriptions.get(id).isEmpty()) {
            throw SubscriptionResource.error(Response.Status.NOT_FOUND, "no subscription " + id);
        }
    }
}
