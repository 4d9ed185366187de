package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.Problem;
import dev.newsalerts.notifier.app.KafkaWriteException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A change Kafka did not confirm in time is answered 503. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<KafkaWriteException> {

    @Override
    public Response toResponse(KafkaWriteException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                e.getMessage() + "; it may or may not be saved: check with GET, then try again").response();
    }
}
