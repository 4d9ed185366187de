package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.TokenRequired;
import dev.newsalerts.notifier.app.ReaderFeedback;
import dev.newsalerts.notifier.domain.Verdict;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A reader's verdict on an alert, from the console: {@code PUT} needs the API token, {@code GET} does not. */
@Path("/alerts/{alertId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class AlertFeedbackResource {

    /** The body of {@code PUT}: {@code {"verdict": "relevant"}} or {@code "not-relevant"}. */
    public record VerdictRequest(String verdict) {
    }

    private final ReaderFeedback feedback;

    public AlertFeedbackResource(ReaderFeedback feedback) {
        this.feedback = feedback;
    }

    @PUT
    @TokenRequired
    @SecurityRequirement(name = "token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say whether an alert this instance received lately was relevant; written to news.feedback with its story")
    public Response judge(@PathParam("alertId") String alertId, VerdictRequest request) {
        Verdict verdict;
        try {
            verdict = Verdict.parse(request == null ? null : request.verdict());
        } catch (IllegalArgumentException e) {
            throw SubscriptionResource.error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        feedback.judge(alertId, verdict);
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "The latest verdict on an alert, whoever gave it (404 when none)")
    public FeedbackView get(@PathParam("alertId") String alertId) {
        return feedback.verdictOf(alertId).map(FeedbackView::of)
                .orElseThrow(() -> SubscriptionResource.error(Response.Status.NOT_FOUND, "no feedback on alert " + alertId));
    }
}
