package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.TokenRequired;
import dev.newsalerts.notifier.app.DeadLetters;
import dev.newsalerts.notifier.app.DeclaredSubscriptions;
import dev.newsalerts.notifier.app.KnownRules;
import dev.newsalerts.notifier.app.Subscriptions;
import dev.newsalerts.notifier.domain.Subscription;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Enables a subscription the notifier disabled (a receiver that answered 410, or kept failing), and
 * replays the deliveries that went to its dead letters meanwhile; needs the API token.
 */
@Path("/subscriptions/{id}/enable")
@Produces(MediaType.APPLICATION_JSON)
@TokenRequired
@SecurityRequirement(name = "token")
public class SubscriptionEnableResource {

    /** @param replayed the dead deliveries tried again */
    public record Enabled(SubscriptionView subscription, int replayed) {
    }

    private final Subscriptions store;
    private final DeclaredSubscriptions declared;
    private final DeadLetters deadLetters;
    private final KnownRules knownRules;

    public SubscriptionEnableResource(Subscriptions store, DeclaredSubscriptions declared, DeadLetters deadLetters,
            KnownRules knownRules) {
        this.store = store;
        this.declared = declared;
        this.deadLetters = deadLetters;
        this.knownRules = knownRules;
    }

    @POST
    @Operation(summary = "Deliver to a disabled subscription again; its dead deliveries are replayed unless replay=false."
            + " A subscription declared in configuration goes back to its configuration, which must enable it")
    public Enabled enable(@PathParam("id") String id, @QueryParam("replay") @DefaultValue("true") boolean replay) {
        Subscription subscription = SubscriptionResource.find(store, id);
        declared.configured(id).filter(configured -> !configured.enabled()).ifPresent(configured -> {
            throw SubscriptionResource.error(Response.Status.CONFLICT, "subscription " + id + " is disabled in its configuration"
                    + " (notifier.subscriptions." + configured.name() + "): "
                    + (configured.disabledReason() != null ? configured.disabledReason() : "enabled=false"));
        });
        Subscription enabled = store.enable(subscription);
        int replayed = replay ? deadLetters.replay(id, null) : 0;
        return new Enabled(SubscriptionView.of(enabled, knownRules.catalogue()), replayed);
    }
}
