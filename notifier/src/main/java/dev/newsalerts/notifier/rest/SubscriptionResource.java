package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.Problem;
import dev.newsalerts.httpapi.TokenRequired;
import dev.newsalerts.notifier.app.KnownRules;
import dev.newsalerts.notifier.app.Subscriptions;
import dev.newsalerts.notifier.app.TargetCheck;
import dev.newsalerts.notifier.app.TargetRefusedException;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.ClusterMode;
import dev.newsalerts.notifier.domain.DigestWindow;
import dev.newsalerts.notifier.domain.Subscription;
import dev.newsalerts.notifier.domain.WebhookFormat;
import io.quarkus.logging.Log;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Create, list, read, replace and delete subscriptions; every call needs the API token. */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@TokenRequired
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "token")
public class SubscriptionResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Subscriptions store;
    private final TargetCheck targets;
    private final KnownRules knownRules;

    public SubscriptionResource(Subscriptions store, TargetCheck targets, KnownRules knownRules) {
        this.store = store;
        this.targets = targets;
        this.knownRules = knownRules;
    }

    @GET
    @Operation(summary = "All subscriptions, those declared in configuration first (secrets are never shown)")
    public List<SubscriptionView> list() {
        return store.all().stream().map(subscription -> SubscriptionView.of(subscription, knownRules.catalogue())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    public SubscriptionView get(@PathParam("id") String id) {
        return SubscriptionView.of(find(id), knownRules.catalogue());
    }

    @POST
    @Operation(summary = "Subscribe; a webhook's signing secret is generated when not given, and shown only in this answer")
    public Response create(@Valid @NotNull SubscriptionRequest request) {
        check(request);
        Instant now = Instant.now();
        String secret = request.channel() == Channel.WEBHOOK
                ? request.secret() != null ? request.secret() : newSecret() : null;
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), request.name().strip(),
                request.channel(), request.target().strip(), request.rules(), request.minScore(), request.language(),
                format(request), secret, request.enabled() == null || request.enabled(), null, Subscription.ORIGIN_API,
                now, now, digest(request), clusters(request), request.updateAfter(), null, null, null, contact(request));
        store.save(subscription);
        // The host only: chat services' webhook URLs are secrets.
        Log.infof("Subscription %s (%s) created: %s to %s", subscription.id(), subscription.name(),
                subscription.channel().name().toLowerCase(), targetHost(subscription));
        return Response.created(URI.create("/subscriptions/" + subscription.id()))
                .entity(SubscriptionView.of(subscription, true, knownRules.catalogue())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a subscription; its secret (and a rotation's overlap) stays unless a new one is given,"
            + " which replaces it at once (POST /subscriptions/{id}/secret rotates without a gap);"
            + " enabling clears why it was disabled")
    public SubscriptionView replace(@PathParam("id") String id, @Valid @NotNull SubscriptionRequest request) {
        Subscription old = changeable(id);
        check(request);
        boolean enabled = request.enabled() == null || request.enabled();
        boolean keepsSecret = request.channel() == Channel.WEBHOOK && request.secret() == null && old.secret() != null;
        String secret = request.channel() != Channel.WEBHOOK ? null
                : request.secret() != null ? request.secret() : keepsSecret ? old.secret() : newSecret();
        Subscription subscription = new Subscription(id, request.name().strip(), request.channel(),
                request.target().strip(), request.rules(), request.minScore(), request.language(), format(request), secret,
                enabled, enabled ? null : old.disabledReason(), Subscription.ORIGIN_API, old.createdAt(), Instant.now(),
                digest(request), clusters(request), request.updateAfter(), keepsSecret ? old.previousSecret() : null,
                keepsSecret ? old.previousSecretUntil() : null, keepsSecret ? old.secretRotatedAt() : null, contact(request));
        store.save(subscription);
        Log.infof("Subscription %s (%s) replaced", id, subscription.name());
        return SubscriptionView.of(subscription, knownRules.catalogue());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe")
    public Response delete(@PathParam("id") String id) {
        changeable(id);
        store.delete(id);
        Log.infof("Subscription %s deleted", id);
        return Response.noContent().build();
    }

    private Subscription find(String id) {
        return find(store, id);
    }

    static Subscription find(Subscriptions store, String id) {
        return store.get(id).orElseThrow(() -> error(Response.Status.NOT_FOUND, "no subscription " + id));
    }

    private Subscription changeable(String id) {
        return changeable(find(id));
    }

    /** 409 for a subscription declared in configuration: the API changes only those made through it. */
    static Subscription changeable(Subscription subscription) {
        if (Subscription.ORIGIN_CONFIG.equals(subscription.origin())) {
            throw error(Response.Status.CONFLICT, "subscription " + subscription.id() + " is declared in configuration"
                    + " (notifier.subscriptions." + subscription.name() + "); change it there");
        }
        return subscription;
    }

    private void check(SubscriptionRequest request) {
        if (request.channel() == Channel.EMAIL && (request.format() != null || request.secret() != null)) {
            throw error(Response.Status.BAD_REQUEST, "format and secret are for webhooks only");
        }
        if (request.digest() != null) {
            if (request.channel() != Channel.EMAIL) {
                throw error(Response.Status.BAD_REQUEST, "digest is for email only");
            }
            try {
                DigestWindow.parse(request.digest());
            } catch (IllegalArgumentException e) {
                throw error(Response.Status.BAD_REQUEST, e.getMessage());
            }
        }
        try {
            targets.check(request.channel(), request.target().strip());
        } catch (TargetRefusedException e) {
            throw error(Response.Status.BAD_REQUEST, "target: " + e.getMessage());
        }
        if (request.contact() != null) {
            try {
                targets.check(Channel.EMAIL, request.contact().strip());
            } catch (TargetRefusedException e) {
                throw error(Response.Status.BAD_REQUEST, "contact: " + e.getMessage());
            }
        }
        // Before the classifier has published its rules (a first start), any rule id is taken.
        knownRules.catalogue().ifPresent(catalogue -> {
            List<String> unknown = catalogue.unknown(request.rules() == null ? List.of() : request.rules());
            if (!unknown.isEmpty()) {
                throw error(Response.Status.BAD_REQUEST, "rules: " + String.join(", ", unknown) + " not among the rules in force ("
                        + catalogue.rulesVersion() + "): " + String.join(", ", catalogue.ids()));
            }
        });
    }

    private static String targetHost(Subscription subscription) {
        if (subscription.channel() == Channel.EMAIL) {
            return subscription.target().substring(subscription.target().indexOf('@') + 1);
        }
        return URI.create(subscription.target()).getHost();
    }

    private static String digest(SubscriptionRequest request) {
        return request.digest() == null ? null : request.digest().strip();
    }

    private static String contact(SubscriptionRequest request) {
        return request.contact() == null ? null : request.contact().strip();
    }

    private static ClusterMode clusters(SubscriptionRequest request) {
        return request.clusters() == null ? ClusterMode.DEFAULT : request.clusters();
    }

    private static WebhookFormat format(SubscriptionRequest request) {
        if (request.channel() != Channel.WEBHOOK) {
            return null;
        }
        return request.format() == null ? WebhookFormat.STANDARD : request.format();
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static WebApplicationException error(Response.Status status, String message) {
        return Problem.of(status, message).exception();
    }
}
