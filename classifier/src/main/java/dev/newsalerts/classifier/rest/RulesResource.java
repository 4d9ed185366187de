package dev.newsalerts.classifier.rest;

import dev.newsalerts.classifier.config.Rules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

@Path("/rules/status")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    public record RulesStatus(String version, String origin, Instant loadedAt, List<String> ruleIds) {
    }

    private final Rules rules;

    public RulesResource(Rules rules) {
        this.rules = rules;
    }

    /** The rules in force: version, where they came from, when they were loaded. */
    @GET
    public RulesStatus status() {
        return new RulesStatus(rules.current().version(), rules.origin(), rules.loadedAt(), rules.current().ruleIds());
    }
}
