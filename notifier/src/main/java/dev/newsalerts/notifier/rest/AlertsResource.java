package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.app.ReaderFeedback;
import dev.newsalerts.notifier.app.RecentAlerts;
import dev.newsalerts.notifier.domain.Alert;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The alerts this instance received lately ({@code GET /alerts/recent}), each with its latest verdict; no token needed. */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    /** @param feedback the latest verdict on it, null when none */
    public record RecentAlert(Alert alert, Instant receivedAt, FeedbackView feedback) {
    }

    private final RecentAlerts recent;
    private final ReaderFeedback feedback;

    public AlertsResource(RecentAlerts recent, ReaderFeedback feedback) {
        this.recent = recent;
        this.feedback = feedback;
    }

    /** The latest alerts this instance received, newest first. */
    @GET
    @Path("/recent")
    public List<RecentAlert> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new jakarta.ws.rs.BadRequestException("limit must be between 1 and 1000");
        }
        return recent.latest(limit).stream().map(received -> new RecentAlert(received.alert(), received.receivedAt(),
                feedback.verdictOf(received.alert().alertId()).map(FeedbackView::of).orElse(null))).toList();
    }
}
