package dev.newsalerts.poller.client;

/**
 * A feed fetch that reached the server.
 *
 * @param notModified true for a 304 answer to a conditional GET: there is no body and nothing to do
 */
public record FetchResult(boolean notModified, byte[] body, String contentType, String etag, String lastModified) {

    static FetchResult unchanged(String etag, String lastModified) {
        return new FetchResult(true, new byte[0], null, etag, lastModified);
    }
}
