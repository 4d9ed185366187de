package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.app.AlertArchive.AlertArchiveException;
import dev.newsalerts.notifier.app.FeedbackRefusedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A verdict not recorded: 403 for a bad link, 404 for an unknown alert, 410 for an expired one, 503 when Kafka fails. */
public class FeedbackRefusedMapper {

    @ServerExceptionMapper
    public Response refused(FeedbackRefusedException e, HttpHeaders headers) {
        Response.Status status = switch (e.reason()) {
            case BAD_SIGNATURE -> Response.Status.FORBIDDEN;
            case UNKNOWN_ALERT -> Response.Status.NOT_FOUND;
            case GONE -> Response.Status.GONE;
        };
        return FeedbackPages.error(status, e.getMessage(), headers);
    }

    @ServerExceptionMapper
    public Response unavailable(AlertArchiveException e, HttpHeaders headers) {
        return FeedbackPages.error(Response.Status.SERVICE_UNAVAILABLE, "the alert could not be read back from Kafka ("
                + e.getMessage() + "); nothing was recorded: try again later", headers);
    }
}
