package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.app.RecentAlerts;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The alerts this instance received lately ({@code GET /alerts/recent}); no token needed. */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private final RecentAlerts recent;

    public AlertsResource(RecentAlerts recent) {
        this.recent = recent;
    }

    /** The latest alerts this instance received, newest first. */
    @GET
    @Path("/recent")
    public List<RecentAlerts.Received> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new jakarta.ws.rs.BadRequestException("limit must be between 1 and 1000");
        }
        return recent.latest(limit);
    }
}
