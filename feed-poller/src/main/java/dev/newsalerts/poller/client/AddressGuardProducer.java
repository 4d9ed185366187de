package dev.newsalerts.poller.client;

import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The SSRF guard for feed URLs, letting {@code poller.fetch.allowed-networks} through. */
@ApplicationScoped
public class AddressGuardProducer {

    @Produces
    @Singleton
    AddressGuard guard(PollerConfig config) {
        return FeedFetcher.guard(config.fetch());
    }
}
