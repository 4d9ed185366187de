package dev.newsalerts.poller.app;

/**
 * A feed fetch that reached the server.
 *
 * @param notModified true for a 304 answer to a conditional GET: there is no body and nothing to do
 * @param movedTo where the feed answered from after permanent redirects (301, 308) only, up to the
 *        first temporary one; null when the first answer was not a permanent redirect
 */
public record FetchResult(boolean notModified, byte[] body, String contentType, String etag, String lastModified,
        String movedTo) {

    public FetchResult(boolean notModified, byte[] body, String contentType, String etag, String lastModified) {
        this(notModified, body, contentType, etag, lastModified, null);
    }

    /** A 304 Not Modified: the validators stay those sent. */
    public static FetchResult unchanged(String etag, String lastModified) {
        return new FetchResult(true, new byte[0], null, etag, lastModified, null);
    }

    /** This result, for a feed that answered from {@code url} after permanent redirects. */
    public FetchResult movedTo(String url) {
        return new FetchResult(notModified, body, contentType, etag, lastModified, url);
    }
}
