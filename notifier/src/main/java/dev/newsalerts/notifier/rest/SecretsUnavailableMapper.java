package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.Problem;
import dev.newsalerts.notifier.app.SecretsUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A change whose webhook secrets cannot be encrypted (no key configured) is answered 503: nothing was saved. */
@Provider
public class SecretsUnavailableMapper implements ExceptionMapper<SecretsUnavailableException> {

    @Override
    public Response toResponse(SecretsUnavailableException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage() + "; nothing was saved").response();
    }
}
