package dev.newsalerts.classifier.rest;

import dev.newsalerts.classifier.app.FeedbackQuality;
import dev.newsalerts.classifier.app.FeedbackUnavailableException;
import dev.newsalerts.httpapi.Problem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How the rules in force fared with readers: per rule, the alerts judged in the last {@code days}
 * days (by when the judgement was given), how many relevant and not, and the precision. Reads only.
 */
@Path("/rules/quality")
@Produces(MediaType.APPLICATION_JSON)
public class RuleQualityResource {

    static final int MAX_DAYS = 365;

    private final FeedbackQuality quality;

    public RuleQualityResource(FeedbackQuality quality) {
        this.quality = quality;
    }

    @GET
    public Response quality(@QueryParam("days") @DefaultValue("30") String days) {
        Integer parsed = parse(days);
        if (parsed == null || parsed < 1 || parsed > MAX_DAYS) {
            return Problem.of(Response.Status.BAD_REQUEST, "days must be a whole number from 1 to " + MAX_DAYS + " (30 by default)")
                    .response();
        }
        try {
            return Response.ok(quality.lastDays(parsed)).build();
        } catch (FeedbackUnavailableException e) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).response();
        }
    }

    private static Integer parse(String days) {
        try {
            return Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
