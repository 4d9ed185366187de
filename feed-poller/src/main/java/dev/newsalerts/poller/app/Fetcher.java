package dev.newsalerts.poller.app;

/** Fetches a feed over HTTP, with conditional GET (a port). */
public interface Fetcher {

    /**
     * Fetches {@code url}, sending the validators of the previous fetch when there are any.
     *
     * @throws FetchException saying why the feed could not be fetched
     */
    FetchResult fetch(String url, String etag, String lastModified) throws FetchException;
}
