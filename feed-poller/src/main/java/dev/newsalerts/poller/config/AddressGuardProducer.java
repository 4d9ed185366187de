package dev.newsalerts.poller.config;

import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.poller.client.FeedFetcher;
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
