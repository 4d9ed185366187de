package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.TokenRequired;
import dev.newsalerts.notifier.app.DeadLetters;
import dev.newsalerts.notifier.app.DeliveryLog;
import dev.newsalerts.notifier.app.Subscriptions;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final DeadLetters deadLetters;

    public DeliveryResource(Subscriptions subscriptions, DeliveryLog log, DeadLetters deadLetters) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.deadLetters = deadLetters;
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
        return Map.of("replayed", deadLetters.replay(id, deliveryId));
    }

    private void existing(String id) {
        if (subscriptions.get(id).isEmpty()) {
            throw SubscriptionResource.error(Response.Status.NOT_FOUND, "no subscription " + id);
        }
    }
}
