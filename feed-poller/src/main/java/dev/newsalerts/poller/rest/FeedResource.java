package dev.newsalerts.poller.rest;

import dev.newsalerts.poller.domain.FeedPoller;
import dev.newsalerts.poller.domain.FeedStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;

@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedPoller poller;

    public FeedResource(FeedPoller poller) {
        this.poller = poller;
    }

    /** Every configured feed with the outcome of its last poll. */
    @GET
    public List<FeedStatus> list() {
        return poller.statuses().stream().sorted(Comparator.comparing(FeedStatus::url)).toList();
    }
}
