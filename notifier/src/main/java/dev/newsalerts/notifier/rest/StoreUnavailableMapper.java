package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.messaging.KafkaWriteException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A change Kafka did not take is answered 503: nothing changed, try again. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<KafkaWriteException> {

    @Override
    public Response toResponse(KafkaWriteException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", e.getMessage() + "; nothing was changed, try again")).build();
    }
}
