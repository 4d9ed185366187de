package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.TokenRequired;
import dev.newsalerts.notifier.app.KnownRules;
import dev.newsalerts.notifier.app.Subscriptions;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Subscription;
import io.quarkus.logging.Log;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Rotates a webhook subscription's signing secret without a gap; needs the API token. */
@Path("/subscriptions/{id}/secret")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@TokenRequired
@SecurityRequirement(name = "token")
public class SubscriptionSecretResource {

    private final Subscriptions store;
    private final KnownRules knownRules;
    private final Duration overlap;

    public SubscriptionSecretResource(Subscriptions store, KnownRules knownRules, NotifierConfig config) {
        this.store = store;
        this.knownRules = knownRules;
        this.overlap = config.webhook().secretOverlap();
    }

    @POST
    @Operation(summary = "Rotate a webhook's signing secret: the new one (generated unless given) is shown only in this"
            + " answer; deliveries are signed with the previous one too for notifier.webhook.secret-overlap")
    public SubscriptionView rotate(@PathParam("id") String id, @Valid SecretRequest request) {
        Subscription old = SubscriptionResource.changeable(SubscriptionResource.find(store, id));
        if (old.channel() != Channel.WEBHOOK) {
            throw SubscriptionResource.error(Response.Status.BAD_REQUEST,
                    "subscription " + id + " is an email subscription: only webhooks have a secret");
        }
        String secret = request != null && request.secret() != null ? request.secret() : SubscriptionResource.newSecret();
        Subscription rotated = old.rotated(secret, Instant.now(), overlap);
        store.save(rotated);
        Log.infof("Subscription %s (%s): secret rotated; the previous one signs too until %s", id, rotated.name(),
                rotated.previousSecretUntil());
        return SubscriptionView.of(rotated, true, knownRules.catalogue());
    }
}
