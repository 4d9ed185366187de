package dev.newsalerts.poller.app;

/**
 * Fetches the article page of a story, through the same guarded client as the feeds (SSRF guard,
 * timeouts, a size cap of its own), asking for HTML (a port).
 */
public interface ArticlePages {

    /**
     * Fetches {@code url}.
     *
     * @throws FetchException saying why the page could not be fetched
     */
    FetchResult fetch(String url) throws FetchException;
}
