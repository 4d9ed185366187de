package dev.newsalerts.httpapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Limits on the JSON the service's ObjectMapper reads: no request body (nor event) is nested deeper than
 * {@value #MAX_NESTING_DEPTH} levels, far beyond any the services read, so that a hostile body is refused
 * at the parser (a 400, see {@link JsonProblems}) before anything walks it.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 200;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(
                mapper.getFactory().streamReadConstraints().rebuild().maxNestingDepth(MAX_NESTING_DEPTH).build());
    }
}
