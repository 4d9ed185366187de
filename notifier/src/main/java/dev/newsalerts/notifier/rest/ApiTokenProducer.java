package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.ApiToken;
import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The token the subscriptions and deliveries APIs need: {@code notifier.api-token}. */
@ApplicationScoped
public class ApiTokenProducer {

    /** Application-scoped, so the configuration is read on first use, not when the REST filters are built. */
    @Produces
    @ApplicationScoped
    ApiToken apiToken(NotifierConfig config) {
        return new ApiToken(config.apiToken(), "this API is off until notifier.api-token is set");
    }
}
