package dev.newsalerts.poller.rest;

import dev.newsalerts.httpapi.Problem;
import dev.newsalerts.poller.app.ApiFeeds;
import dev.newsalerts.poller.app.FeedCatalog;
import dev.newsalerts.poller.domain.OpmlFeeds;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refused changes, bad OPML and an unreachable Kafka as problem documents that say why. */
public class FeedErrorMapper {

    @ServerExceptionMapper
    public Response refused(FeedCatalog.Refused e) {
        return error(switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case CONFLICT -> Response.Status.CONFLICT;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
        }, e.getMessage());
    }

    @ServerExceptionMapper
    public Response badOpml(OpmlFeeds.OpmlException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response storeUnavailable(ApiFeeds.StoreUnavailableException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    static Response error(Response.Status status, String message) {
        return Problem.of(status, message).response();
    }
}
