package dev.newsalerts.notifier.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsalerts.httpapi.Problem;
import io.quarkus.logging.Log;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the web console ({@code /console/}, static files) reads besides the notifier's own APIs: the
 * feed-poller's feeds and their health, fetched here so the browser talks to one origin only.
 */
@Path("/console/api")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private final ConsoleFeedPoller feedPoller;

    public ConsoleResource(ConsoleFeedPoller feedPoller) {
        this.feedPoller = feedPoller;
    }

    @GET
    @Path("/feeds")
    @Operation(summary = "The feed-poller's feeds with their health (its GET /feeds), or 502 saying why they could not be read")
    public Response feeds() {
        try {
            JsonNode feeds = feedPoller.feeds();
            return Response.ok(Map.of("source", feedPoller.feedsUrl().toString(), "readAt", Instant.now(), "feeds", feeds)).build();
        } catch (ConsoleFeedPoller.Unavailable e) {
            Log.debugf("Console: %s", e.getMessage());
            return Problem.of(Response.Status.BAD_GATEWAY, e.getMessage()).response();
        }
    }
}
