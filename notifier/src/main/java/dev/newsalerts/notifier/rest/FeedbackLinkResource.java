package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.app.FeedbackRefusedException;
import dev.newsalerts.notifier.app.ReaderFeedback;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.Feedback;
import dev.newsalerts.notifier.domain.FeedbackLink;
import dev.newsalerts.notifier.domain.Verdict;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The signed one-click links of emails and webhooks, {@code /feedback/{alertId}?verdict&sub&ref&sig};
 * the signature is the authority, no token is needed. {@code GET} (what mail scanners prefetch)
 * only answers a page with one button; {@code POST} (the button, or a program) records the verdict.
 */
@Path("/feedback/{alertId}")
public class FeedbackLinkResource {

    private final ReaderFeedback feedback;

    public FeedbackLinkResource(ReaderFeedback feedback) {
        this.feedback = feedback;
    }

    @GET
    @Operation(summary = "A page with one button that records the link's verdict; records nothing itself")
    public Response ask(@PathParam("alertId") String alertId, @QueryParam("verdict") String verdict,
            @QueryParam("sub") String subscriptionId, @QueryParam("ref") String ref, @QueryParam("sig") String signature) {
        FeedbackLink link = link(alertId, verdict, subscriptionId, ref);
        feedback.check(link, signature);
        return FeedbackPages.page(Response.Status.OK, FeedbackPages.Templates.ask(link.verdict().text(), title(alertId)));
    }

    @POST
    @Operation(summary = "Records the link's verdict on news.feedback: 204, or a short page for a browser (Accept: text/html)")
    public Response record(@PathParam("alertId") String alertId, @QueryParam("verdict") String verdict,
            @QueryParam("sub") String subscriptionId, @QueryParam("ref") String ref, @QueryParam("sig") String signature,
            @Context HttpHeaders headers) {
        Feedback recorded = feedback.judge(link(alertId, verdict, subscriptionId, ref), signature);
        if (!FeedbackPages.wantsHtml(headers)) {
            return Response.noContent().build();
        }
        return FeedbackPages.page(Response.Status.OK,
                FeedbackPages.Templates.recorded(recorded.verdict().text(), recorded.story().title()));
    }

    /** A link missing a part, or with one that does not read, cannot be one this notifier signed. */
    private static FeedbackLink link(String alertId, String verdict, String subscriptionId, String ref) {
        try {
            if (subscriptionId == null || subscriptionId.isBlank()) {
                throw new IllegalArgumentException("sub is missing");
            }
            return new FeedbackLink(alertId, Verdict.parse(verdict), subscriptionId, AlertPosition.parse(ref));
        } catch (IllegalArgumentException e) {
            throw new FeedbackRefusedException(FeedbackRefusedException.Reason.BAD_SIGNATURE,
                    "this is not a whole feedback link (" + e.getMessage() + "); nothing was recorded");
        }
    }

    private String title(String alertId) {
        return feedback.held(alertId).map(Alert::story).map(Alert.Story::title).orElse(null);
    }
}
