package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.Problem;
import dev.newsalerts.notifier.app.KnownRules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The rules a subscription can name: the classifier's rules in force, as it last published them. No token needed. */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleCatalogueResource {

    private final KnownRules rules;

    public RuleCatalogueResource(KnownRules rules) {
        this.rules = rules;
    }

    @GET
    @Operation(summary = "The classifier's rules in force (rulesVersion, loadedAt, rules with id, title, groups); 404 until it has published them")
    public Response catalogue() {
        return rules.catalogue().map(catalogue -> Response.ok(catalogue).build())
                .orElseGet(() -> Problem.of(Response.Status.NOT_FOUND,
                        "the classifier has not published its rules yet (news.rules is empty)").response());
    }
}
