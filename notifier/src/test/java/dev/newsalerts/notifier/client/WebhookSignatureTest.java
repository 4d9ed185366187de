package dev.newsalerts.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rotated secret: deliveries during the overlap verify, with the reference library, with the old
 * secret and with the new; afterwards only with the new. The clock is fixed for the choice of
 * secrets; the signing timestamp is now, as the library checks it.
 */
class WebhookSignatureTest {

    private static final String OLD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String NEW = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    private static final Instant ROTATED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String PAYLOAD = "{\"type\": \"alert.matched\"}";

    private final Subscription rotated = subscription().rotated(NEW, ROTATED_AT, Duration.ofHours(24));

    @Test
    void duringTheOverlapADeliveryVerifiesWithTheOldSecretAndWithTheNew() throws Exception {
        Map<String, List<String>> headers = signedAt(ROTATED_AT.plus(Duration.ofHours(23).plusMinutes(59)));

        assertThat(headers.get("webhook-signature").get(0).split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        new Webhook(NEW).verify(PAYLOAD, headers);
        new Webhook(OLD).verify(PAYLOAD, headers);
    }

    @Test
    void afterTheOverlapOnlyTheNewSecretVerifies() throws Exception {
        Map<String, List<String>> headers = signedAt(ROTATED_AT.plus(Duration.ofHours(24)));

        new Webhook(NEW).verify(PAYLOAD, headers);
        assertThatThrownBy(() -> new Webhook(OLD).verify(PAYLOAD, headers)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSubscriptionStoredBeforeRotationsExistedIsSignedWithItsOneSecret() throws Exception {
        Subscription stored = new ObjectMapper().registerModule(new JavaTimeModule()).readValue("""
                {"id": "s", "name": "old", "channel": "webhook", "target": "https://example.com/hook", "secret": "%s",
                 "enabled": true, "origin": "api", "createdAt": "2026-11-23T08:00:00Z", "updatedAt": "2026-11-23T08:00:00Z"}"""
                .formatted(OLD), Subscription.class);

        assertThat(stored.signingSecrets(ROTATED_AT)).containsExactly(OLD);
        assertThat(stored.previousSecret()).isNull();
        assertThat(stored.secretRotatedAt()).isNull();
    }

    private Map<String, List<String>> signedAt(Instant now) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        return Map.of("webhook-id", List.of("msg_1"), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(WebhookSignature.header(rotated.signingSecrets(now), "msg_1", timestamp, PAYLOAD)));
    }

    private static Subscription subscription() {
        return new Subscription("s", "s", Channel.WEBHOOK, "https://example.com/hook", List.of(), null, null, null, OLD,
                true, null, Subscription.ORIGIN_API, Instant.EPOCH, Instant.EPOCH, null, null, null, null, null, null, null);
    }
}
