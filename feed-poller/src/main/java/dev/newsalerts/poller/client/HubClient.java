package dev.newsalerts.poller.client;

import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.netguard.AddressRefusedException;
import dev.newsalerts.poller.app.Hubs;
import dev.newsalerts.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks WebSub hubs to start or stop sending a feed's updates to a callback (the subscriber's side of
 * the W3C WebSub recommendation, section 5.1). A hub URL is checked by the SSRF guard like a feed's.
 */
@ApplicationScoped
public class HubClient implements Hubs {

    private final HttpClient client;
    private final AddressGuard guard;
    private final PollerConfig.Fetch fetch;

    public HubClient(PollerConfig config, AddressGuard guard) {
        this.fetch = config.fetch();
        this.guard = guard;
        this.client = HttpClient.newBuilder().connectTimeout(fetch.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void subscribe(String hub, String topic, String callback, String secret, Duration lease) throws HubException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", topic);
        form.put("hub.callback", callback);
        form.put("hub.secret", secret);
        form.put("hub.lease_seconds", Long.toString(lease.toSeconds()));
        send(hub, form);
    }

    @Override
    public void unsubscribe(String hub, String topic, String callback) throws HubException {
        send(hub, Map.of("hub.mode", "unsubscribe", "hub.topic", topic, "hub.callback", callback));
    }

    private void send(String hub, Map<String, String> form) throws HubException {
        URI uri;
        try {
            uri = URI.create(hub);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new HubException("the hub URL " + hub + " is not http or https");
            }
            guard.resolve(uri);
        } catch (IllegalArgumentException e) {
            throw new HubException("the hub URL " + hub + " is not a URL");
        } catch (AddressRefusedException e) {
            throw new HubException("hub " + hub + " refused: " + e.getMessage());
        }
        String body = form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(fetch.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", fetch.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new HubException("hub " + hub + " answered HTTP status " + response.statusCode());
            }
        } catch (IOException e) {
            throw new HubException("hub " + hub + " could not be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("interrupted");
        }
    }
}
