package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.app.KafkaWriteException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A change Kafka did not confirm in time is answered 503. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<KafkaWriteException> {

    @Override
    public Response toResponse(KafkaWriteException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", e.getMessage() + "; it may or may not be saved: check with GET, then try again")).build();
    }
}
