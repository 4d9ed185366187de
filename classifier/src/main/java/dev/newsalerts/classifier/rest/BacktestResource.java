package dev.newsalerts.classifier.rest;

import dev.newsalerts.classifier.app.Backtesting;
import dev.newsalerts.classifier.app.FeedbackUnavailableException;
import dev.newsalerts.classifier.app.StoriesUnavailableException;
import dev.newsalerts.classifier.domain.RuleFileException;
import dev.newsalerts.httpapi.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * Back-test: runs a candidate rule file (the request body, YAML) over the last stories of
 * {@code news.stories} and reports what would alert and what changes against the rules in force.
 * Applies nothing: to apply the candidate, save it as the rule file.
 */
@Path("/rules/backtest")
public class BacktestResource {

    private static final int MAX_STORIES = 50_000;

    private final Backtesting backtesting;

    public BacktestResource(Backtesting backtesting) {
        this.backtesting = backtesting;
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response backtest(String candidateYaml, @QueryParam("last") @DefaultValue("1000") int last) {
        if (last < 1 || last > MAX_STORIES) {
            return Problem.of(Response.Status.BAD_REQUEST, "last must be between 1 and " + MAX_STORIES).response();
        }
        if (candidateYaml == null || candidateYaml.isBlank()) {
            return Problem.of(Response.Status.BAD_REQUEST, "send the candidate rule file (YAML) as the request body").response();
        }
        try {
            return Response.ok(backtesting.run(candidateYaml.getBytes(StandardCharsets.UTF_8), last)).build();
        } catch (RuleFileException e) {
            return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).response();
        } catch (StoriesUnavailableException | FeedbackUnavailableException e) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).response();
        }
    }
}
