package dev.newsalerts.classifier.rest;

import dev.newsalerts.classifier.config.Rules;
import dev.newsalerts.classifier.domain.Backtest;
import dev.newsalerts.classifier.domain.RuleFileException;
import dev.newsalerts.classifier.domain.RuleSet;
import dev.newsalerts.classifier.messaging.StoryHistory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * Back-test: runs a candidate rule file (the request body, YAML) over the last stories of
 * {@code news.stories} and reports what would alert and what changes against the rules in force.
 * Applies nothing: to apply the candidate, save it as the rule file.
 */
@Path("/rules/backtest")
public class BacktestResource {

    private static final int MAX_STORIES = 50_000;

    private final Rules rules;
    private final StoryHistory history;

    public BacktestResource(Rules rules, StoryHistory history) {
        this.rules = rules;
        this.history = history;
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response backtest(String candidateYaml, @QueryParam("last") @DefaultValue("1000") int last) {
        if (last < 1 || last > MAX_STORIES) {
            return error(Response.Status.BAD_REQUEST, "last must be between 1 and " + MAX_STORIES);
        }
        if (candidateYaml == null || candidateYaml.isBlank()) {
            return error(Response.Status.BAD_REQUEST, "send the candidate rule file (YAML) as the request body");
        }
        RuleSet candidate;
        try {
            candidate = RuleSet.compile(candidateYaml.getBytes(StandardCharsets.UTF_8), "candidate");
        } catch (RuleFileException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        try {
            return Response.ok(Backtest.run(rules.current(), candidate, history.latest(last))).build();
        } catch (KafkaException e) {
            return error(Response.Status.SERVICE_UNAVAILABLE, "cannot read news.stories: " + e.getMessage());
        }
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
