package dev.newsalerts.poller.rest;

import dev.newsalerts.httpapi.ApiToken;
import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The token the feed API's changes need: {@code poller.api-token}. */
@ApplicationScoped
public class ApiTokenProducer {

    /** Application-scoped, so the configuration is read on first use, not when the REST filters are built. */
    @Produces
    @ApplicationScoped
    ApiToken apiToken(PollerConfig config) {
        return new ApiToken(config.apiToken(), "changing feeds through the API is off until poller.api-token is set");
    }
}
