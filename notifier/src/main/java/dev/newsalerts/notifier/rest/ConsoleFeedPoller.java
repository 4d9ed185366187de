package dev.newsalerts.notifier.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Reads the feed-poller's {@code GET /feeds} for the console ({@code notifier.console.*}): one
 * fixed URL, a timeout on connecting and on the whole answer, no redirects, and a size cap.
 */
@ApplicationScoped
public class ConsoleFeedPoller {

    /** Why the feeds could not be read, in words for the console. */
    public static class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final URI feedsUrl;
    private final Duration timeout;
    private final long maxBytes;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public ConsoleFeedPoller(NotifierConfig config, ObjectMapper mapper) {
        URI base = config.console().feedPollerUrl();
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        this.feedsUrl = base.resolve(path + "/feeds");
        this.timeout = config.console().feedPollerTimeout();
        this.maxBytes = config.console().feedPollerMaxSize().asLongValue();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI feedsUrl() {
        return feedsUrl;
    }

    /** The feeds with their health, as the feed-poller lists them (a JSON array). */
    public JsonNode feeds() throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(feedsUrl).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Unavailable("feed-poller unreachable at " + feedsUrl + ": no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new Unavailable("feed-poller unreachable at " + feedsUrl + ": connection refused");
        } catch (IOException e) {
            throw new Unavailable("feed-poller unreachable at " + feedsUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking the feed-poller");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new Unavailable("feed-poller at " + feedsUrl + " answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Unavailable("feed-poller at " + feedsUrl + " answered more than " + maxBytes + " bytes"
                        + " (notifier.console.feed-poller-max-size)");
            }
            JsonNode feeds = mapper.readTree(bytes);
            if (feeds == null || !feeds.isArray()) {
                throw new Unavailable("feed-poller at " + feedsUrl + " did not answer a JSON list of feeds");
            }
            return feeds;
        } catch (JsonProcessingException e) {
            throw new Unavailable("feed-poller at " + feedsUrl + " answered something that is not JSON");
        } catch (IOException e) {
            throw new Unavailable("feed-poller unreachable at " + feedsUrl + ": " + e);
        }
    }
}
