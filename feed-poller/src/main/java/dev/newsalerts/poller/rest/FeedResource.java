package dev.newsalerts.poller.rest;

import dev.newsalerts.httpapi.TokenRequired;
import dev.newsalerts.poller.app.FeedCatalog;
import dev.newsalerts.poller.app.FeedPoller;
import dev.newsalerts.poller.app.PolledFeed;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.OpmlFeeds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

/** The feeds and their health; adding and removing feeds needs the API token. */
@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedCatalog catalog;
    private final FeedPoller poller;

    public FeedResource(FeedCatalog catalog, FeedPoller poller) {
        this.catalog = catalog;
        this.poller = poller;
    }

    /** Every feed with its health and next poll, by URL. */
    @GET
    public List<FeedView> list() {
        return catalog.all().stream().map(this::view).sorted(Comparator.comparing(FeedView::url)).toList();
    }

    /** One feed, by id or by URL (URL-encoded). */
    @GET
    @Path("/{idOrUrl: .+}")
    public FeedView get(@PathParam("idOrUrl") String idOrUrl) {
        return view(catalog.find(idOrUrl).orElseThrow(() -> new FeedCatalog.Refused(FeedCatalog.Refused.Kind.NOT_FOUND,
                "no feed with id or URL " + idOrUrl)));
    }

    /** Adds a feed, kept in news.feeds; it is polled at once. */
    @POST
    @TokenRequired
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(FeedRequest request) {
        if (request == null) {
            throw new FeedCatalog.Refused(FeedCatalog.Refused.Kind.INVALID, "send a JSON body such as {\"url\": \"https://...\"}");
        }
        PolledFeed added = catalog.add(request.toFeed());
        return Response.created(URI.create("/feeds/" + added.source().id())).entity(view(added)).build();
    }

    /** Adds every feed an OPML subscription list names; says which were skipped and why. */
    @POST
    @Path("/opml")
    @TokenRequired
    @Consumes({"text/x-opml", MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public FeedCatalog.ImportResult importOpml(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        List<FeedSource> feeds = OpmlFeeds.parse(body == null ? new byte[0] : body, contentType);
        if (feeds.isEmpty()) {
            throw new OpmlFeeds.OpmlException("the OPML document names no feed (no outline with an xmlUrl)");
        }
        return catalog.addAll(feeds);
    }

    /** Removes a feed added through the API, by id or by URL (URL-encoded). */
    @DELETE
    @Path("/{idOrUrl: .+}")
    @TokenRequired
    public Response remove(@PathParam("idOrUrl") String idOrUrl) {
        catalog.remove(idOrUrl);
        return Response.noContent().build();
    }

    private FeedView view(PolledFeed feed) {
        return FeedView.of(feed, poller.itemsSeen(feed.source().url()), poller.polledHere(feed.source().url()));
    }
}
