package dev.newsalerts.httpapi;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service's API as a {@link Problem}: Quarkus REST picks these up from this library
 * (indexed for its {@code beans.xml}). They win over Quarkus's own mappers for Jackson (same exception type,
 * which a user mapper takes before a built-in one) and Bean Validation (mapped for ValidationException, a
 * type further from the exception), which answer 400 with no body outside dev mode.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource, Request request,
            HttpHeaders headers) {
        Response given = e.getResponse();
        if (given.hasEntity()) {
            return given; // made by the service on purpose, as a Problem
        }
        Problem problem = WebProblems.of(e, uri, resource == null ? null : resource.getResourceMethod(), request.getMethod(),
                headers.getMediaType());
        if (problem.status() >= 500) {
            Log.errorf(e, "%s %s failed", request.getMethod(), uri.getPath());
        }
        // its headers (Allow, WWW-Authenticate) stay
        return Response.fromResponse(given).status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.body()).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(MismatchedInputException e) {
        return Problem.of(Response.Status.BAD_REQUEST, JsonProblems.detail(e)).response();
    }

    @ServerExceptionMapper
    public Response jsonBeyondLimits(StreamConstraintsException e) {
        return Problem.of(Response.Status.BAD_REQUEST, JsonProblems.detail(e)).response();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri, Request request) {
        if (ViolationProblems.ofReturnValue(e.getConstraintViolations())) {
            return unexpected(e, uri, request);
        }
        return Problem.of(Response.Status.BAD_REQUEST, ViolationProblems.detail(e.getConstraintViolations())).response();
    }

    /** A failure of the service's own: the caller learns nothing of it but that it happened; the log has it all. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, Request request) {
        Log.errorf(e, "%s %s failed", request.getMethod(), uri.getPath());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "the service failed to answer this request; the reason is in its log").response();
    }
}
