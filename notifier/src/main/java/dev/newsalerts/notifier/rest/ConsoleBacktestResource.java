package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.Problem;
import dev.newsalerts.httpapi.TokenRequired;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's "Try a rule" page: passes a candidate rule file (or one rule) to the classifier's
 * back-test and its answer back, so the browser talks to one origin only. Changes nothing; needs
 * the API token all the same, since one call can make the classifier read and classify up to 50,000
 * stories.
 */
@Path("/console/api/backtest")
@TokenRequired
public class ConsoleBacktestResource {

    /** Largest candidate passed on. */
    static final int MAX_CANDIDATE_BYTES = 256 * 1024;

    private final ConsoleClassifier classifier;

    public ConsoleBacktestResource(ConsoleClassifier classifier) {
        this.classifier = classifier;
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Back-tests a candidate rule file (or one rule) over the last stories, through the classifier's "
            + "POST /rules/backtest; changes nothing. 400 for an invalid candidate (the classifier's message), "
            + "503 when the classifier is unreachable or cannot read the stories, 504 when it takes too long, "
            + "502 when it answers something else")
    public Response backtest(byte[] candidate, @QueryParam("last") @DefaultValue("1000") int last) {
        if (candidate == null || candidate.length == 0) {
            return error(Response.Status.BAD_REQUEST, "paste a candidate rule file, or one rule, to try");
        }
        if (candidate.length > MAX_CANDIDATE_BYTES) {
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the candidate has " + candidate.length + " bytes; at most " + MAX_CANDIDATE_BYTES + " are taken");
        }
        try {
            ConsoleClassifier.Answer answer = classifier.backtest(candidate, last);
            if (answer.status() == 503) {
                return error(Response.Status.SERVICE_UNAVAILABLE, "classifier: " + answer.body().path("error").asText());
            }
            return Response.status(answer.status()).type(answer.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                    .entity(answer.body()).build();
        } catch (ConsoleClassifier.Unavailable e) {
            Log.infof("Console back-test: %s", e.getMessage());
            return error(switch (e.failure()) {
                case UNREACHABLE -> Response.Status.SERVICE_UNAVAILABLE;
                case TIMEOUT -> Response.Status.GATEWAY_TIMEOUT;
                case BAD_ANSWER -> Response.Status.BAD_GATEWAY;
            }, e.getMessage());
        }
    }

    private static Response error(Response.Status status, String message) {
        return Problem.of(status, message).response();
    }
}
