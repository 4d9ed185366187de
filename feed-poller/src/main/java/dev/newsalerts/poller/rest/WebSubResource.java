package dev.newsalerts.poller.rest;

import dev.newsalerts.httpapi.Problem;
import dev.newsalerts.poller.app.FeedIntake;
import dev.newsalerts.poller.app.WebSubSubscriptions;
import dev.newsalerts.poller.domain.FeedParser;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The WebSub callbacks, one per subscribed feed ({@code /websub/<feed id>}): hubs verify a
 * subscription's intent here and deliver new content, signed with the subscription's secret
 * ({@code X-Hub-Signature}); no API token, since hubs have none.
 */
@Path("/websub/{feedId}")
public class WebSubResource {

    private final WebSubSubscriptions subscriptions;
    private final FeedIntake intake;

    public WebSubResource(WebSubSubscriptions subscriptions, FeedIntake intake) {
        this.subscriptions = subscriptions;
        this.intake = intake;
    }

    /** Verification of intent: the challenge is echoed when this instance asked for the (un)subscription; 404 otherwise. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@PathParam("feedId") String feedId, @QueryParam("hub.mode") String mode,
            @QueryParam("hub.topic") String topic, @QueryParam("hub.challenge") String challenge,
            @QueryParam("hub.lease_seconds") Long leaseSeconds) {
        return subscriptions.verify(feedId, mode, topic, challenge, leaseSeconds)
                .map(echo -> Response.ok(echo, MediaType.TEXT_PLAIN_TYPE).build())
                .orElse(Problem.of(Response.Status.NOT_FOUND,
                        "no (un)subscription of feed " + feedId + " awaits verification here").response());
    }

    /**
     * Content distribution: 202 whether the signature is right (the stories are published) or not
     * (the content is ignored, as WebSub requires); 410 for a callback this instance does not know.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response deliver(@PathParam("feedId") String feedId, byte[] body,
            @HeaderParam("X-Hub-Signature") String signature, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        Optional<String> feedUrl;
        try {
            feedUrl = subscriptions.authenticate(feedId, body == null ? new byte[0] : body, signature);
        } catch (WebSubSubscriptions.UnknownSubscription e) {
            return Problem.of(Response.Status.GONE, "no WebSub subscription of feed " + feedId + " here").response();
        }
        feedUrl.ifPresent(url -> {
            try {
                if (intake.pushed(url, body, contentType) < 0) {
                    Log.debugf("Feed %s: WebSub delivery ignored, the feed is polled by another instance", url);
                }
            } catch (FeedParser.FeedParseException e) {
                Log.warnf("Feed %s: WebSub delivered content that is not a feed: %s", url, e.getMessage());
            }
        });
        return Response.accepted().build();
    }
}
