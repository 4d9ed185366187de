package dev.newsalerts.notifier.client;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.newsalerts.notifier.app.DeliveryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Standard Webhooks {@code webhook-signature} header: {@code v1,<base64>} per secret,
 * space-separated (as the spec allows), so a receiver still on the previous secret of a rotation
 * finds its signature too.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    /** @param secrets {@code whsec_…}, at least one */
    static String header(List<String> secrets, String messageId, long timestamp, String payload) throws DeliveryException {
        List<String> signatures = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            signatures.add(sign(secret, messageId, timestamp, payload));
        }
        return String.join(" ", signatures);
    }

    private static String sign(String secret, String messageId, long timestamp, String payload) throws DeliveryException {
        try {
            return new Webhook(secret).sign(messageId, timestamp, payload);
        } catch (EmptyWebhookSecretException | WebhookSigningException | RuntimeException e) {
            // Never echo the secret itself.
            throw new DeliveryException("cannot sign: the subscription's secret must be whsec_ followed by base64", e);
        }
    }
}
