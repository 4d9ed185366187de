package dev.newsalerts.notifier.client;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * POSTs a payload to a webhook with the Standard Webhooks headers: {@code webhook-id} (the same on
 * every attempt, so receivers can drop repeats), {@code webhook-timestamp} and, when a secret is
 * configured, {@code webhook-signature}. Redirects are not followed; only 2xx counts as delivered.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final NotifierConfig.Webhook config;
    private final Optional<Webhook> signer;

    public WebhookSender(NotifierConfig config) {
        this.config = config.webhook();
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.signer = config.webhookSecret().map(WebhookSender::signer);
    }

    private static Webhook signer(String secret) {
        try {
            return new Webhook(secret);
        } catch (EmptyWebhookSecretException | IllegalArgumentException e) {
            // Never echo the secret itself.
            throw new IllegalStateException("notifier.webhook-secret must be whsec_ followed by base64");
        }
    }

    /** @return the receiver's status code, always 2xx */
    public int send(String url, String messageId, String payload) throws DeliveryException {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "news-alerts-notifier/0.1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signer.isPresent()) {
            try {
                request.header("webhook-signature", signer.get().sign(messageId, timestamp, payload));
            } catch (WebhookSigningException e) {
                throw new DeliveryException("cannot sign the payload: " + e.getMessage(), e);
            }
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", e);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new DeliveryException("receiver answered HTTP " + response.statusCode());
        }
        return response.statusCode();
    }
}
