package dev.newsalerts.classifier.rest;

import dev.newsalerts.classifier.app.Rules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The state of the rules in force, for operators: what is loaded and whether the file on disk was refused. */
@Path("/rules/status")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final Rules rules;

    public RulesResource(Rules rules) {
        this.rules = rules;
    }

    /** The rules in force (version, origin, load time, rule ids) and the last refused change of the file, if any. */
    @GET
    public Rules.Status status() {
        return rules.status();
    }
}
