package dev.newsalerts.poller.client;

import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.poller.app.ArticlePages;
import dev.newsalerts.poller.app.FetchException;
import dev.newsalerts.poller.app.FetchResult;
import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Fetches article pages with a {@link FeedFetcher} of their own: the same SSRF guard, connect timeout,
 * redirect rules and User-Agent as feeds, with the time and size limits of {@code poller.full-text.*}
 * and an {@code Accept} that asks for HTML.
 */
@ApplicationScoped
public class ArticleFetcher implements ArticlePages {

    static final String ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

    private final FeedFetcher pages;

    @Inject
    public ArticleFetcher(PollerConfig config, AddressGuard guard) {
        this(new PageLimits(config.fetch(), config.fullText()), guard, Clock.systemUTC());
    }

    public ArticleFetcher(PollerConfig.Fetch limits, AddressGuard guard, Clock clock) {
        this.pages = new FeedFetcher(limits, guard, clock, ACCEPT_HTML);
    }

    @Override
    public FetchResult fetch(String url) throws FetchException {
        return pages.fetch(url, null, null); // an article is fetched once: there are no validators to send
    }

    /** The feed fetch settings with the article page's time and size limits. */
    public record PageLimits(PollerConfig.Fetch feeds, PollerConfig.FullText articles) implements PollerConfig.Fetch {

        @Override
        public Duration connectTimeout() {
            return feeds.connectTimeout();
        }

        @Override
        public Duration timeout() {
            return articles.timeout();
        }

        @Override
        public long maxBytes() {
            return articles.maxBytes();
        }

        @Override
        public String userAgent() {
            return feeds.userAgent();
        }

        @Override
        public Optional<List<String>> allowedNetworks() {
            return feeds.allowedNetworks();
        }
    }
}
