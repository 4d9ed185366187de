package dev.newsalerts.poller.rest;

import dev.newsalerts.poller.domain.FeedPoller;
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

    /** Every feed with its health and next poll, by URL. */
    @GET
    public List<FeedView> list() {
        return poller.feeds().stream()
                .map(feed -> FeedView.of(feed, poller.itemsSeen(feed.source().url())))
                .sorted(Comparator.comparing(FeedView::url)).toList();
    }
}
