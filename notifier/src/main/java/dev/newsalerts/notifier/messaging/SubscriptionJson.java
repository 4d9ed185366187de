package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.notifier.app.SecretsUnavailableException;
import dev.newsalerts.notifier.domain.Subscription;
import java.util.List;

/**
 * A subscription as news.subscriptions holds it: its JSON, with {@code secret} and
 * {@code previousSecret} encrypted ({@link SecretCipher}), so reading the topic does not yield
 * them. A tolerant reader: a secret stored in plain text, before secrets were encrypted, is read
 * as it is (and marked stale); one that does not decrypt leaves the subscription disabled, saying
 * why, instead of unreadable.
 */
final class SubscriptionJson {

    private static final List<String> SECRET_FIELDS = List.of("secret", "previousSecret");

    private final ObjectMapper mapper;
    private final SecretCipher cipher;

    SubscriptionJson(ObjectMapper mapper, SecretCipher cipher) {
        this.mapper = mapper;
        this.cipher = cipher;
    }

    /** @throws SecretsUnavailableException when it has a secret and no key is configured to encrypt it */
    String write(Subscription subscription) {
        ObjectNode json = mapper.valueToTree(subscription);
        for (String field : SECRET_FIELDS) {
            JsonNode secret = json.get(field);
            if (secret != null && secret.isTextual()) {
                json.put(field, cipher.encrypt(secret.textValue(), subscription.id()));
            }
        }
        return json.toString();
    }

    /** @throws IllegalArgumentException when the value is no subscription (FollowedTable logs and skips it) */
    StoredSubscription read(String value) {
        ObjectNode json = object(value);
        String id = json.path("id").asText("");
        String unreadable = null;
        boolean stale = false;
        for (String field : SECRET_FIELDS) {
            JsonNode secret = json.get(field);
            if (secret == null || !secret.isTextual()) {
                continue;
            }
            String stored = secret.textValue();
            if (!SecretCipher.isEncrypted(stored)) {
                stale = true;
                continue;
            }
            try {
                json.put(field, cipher.decrypt(stored, id));
                stale |= !cipher.isUnderCurrentKey(stored);
            } catch (SecretCipher.UnreadableSecretException e) {
                unreadable = "its webhook secret (" + field + ") cannot be decrypted: " + e.getMessage();
            }
        }
        if (unreadable != null) {
            SECRET_FIELDS.forEach(json::putNull);
            json.put("enabled", false);
            json.put("disabledReason", unreadable);
        }
        try {
            return new StoredSubscription(mapper.treeToValue(json, Subscription.class), unreadable, stale && unreadable == null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Subscription: " + e.getOriginalMessage(), e);
        }
    }

    private ObjectNode object(String value) {
        try {
            JsonNode json = mapper.readTree(value);
            if (json instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("not a Subscription: not a JSON object");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Subscription: " + e.getOriginalMessage(), e);
        }
    }
}
