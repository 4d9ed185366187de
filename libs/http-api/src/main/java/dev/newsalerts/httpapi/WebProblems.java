package dev.newsalerts.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The problem a {@link WebApplicationException} with no body stands for: what Quarkus REST throws for an
 * unknown path, a method not allowed, a body it cannot read or a parameter it cannot convert, and what a
 * resource throws with a message only.
 */
final class WebProblems {

    /** The message Jakarta REST gives an exception made without one: "HTTP 404 Not Found". */
    private static final Pattern DEFAULT_MESSAGE = Pattern.compile("HTTP \\d{3}( .*)?");

    private WebProblems() {
    }

    /**
     * @param resourceMethod the method the request was routed to, null when none was
     */
    static Problem of(WebApplicationException e, UriInfo uri, Method resourceMethod, String httpMethod, MediaType contentType) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return Problem.of(status, JsonProblems.detail(json));
        }
        if ((e instanceof NotFoundException || e instanceof BadRequestException) && cause != null
                && !(cause instanceof WebApplicationException) && resourceMethod != null) {
            return Problem.of(400, ParameterProblems.detail(resourceMethod, uri.getQueryParameters(), uri.getPathParameters(), cause));
        }
        String message = e.getMessage();
        // Quarkus REST's own message for these names neither the type sent nor the path
        boolean generic = e instanceof NotSupportedException || e instanceof NotAcceptableException;
        if (message != null && !generic && !DEFAULT_MESSAGE.matcher(message).matches()) {
            return Problem.of(status, message);
        }
        return Problem.of(status, standardDetail(e, uri, httpMethod, contentType));
    }

    private static String standardDetail(WebApplicationException e, UriInfo uri, String httpMethod, MediaType contentType) {
        if (e instanceof NotFoundException) {
            return "nothing at " + uri.getPath();
        }
        if (e instanceof NotAllowedException) {
            Set<String> allowed = e.getResponse().getAllowedMethods();
            return httpMethod + " is not allowed on " + uri.getPath() + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed));
        }
        if (e instanceof NotSupportedException) {
            return "a body of type " + (contentType == null ? "(none)" : contentType.getType() + "/" + contentType.getSubtype())
                    + " is not taken at " + uri.getPath();
        }
        if (e instanceof NotAcceptableException) {
            return "none of the types the Accept header names is answered at " + uri.getPath();
        }
        return e.getResponse().getStatusInfo().getReasonPhrase();
    }
}
