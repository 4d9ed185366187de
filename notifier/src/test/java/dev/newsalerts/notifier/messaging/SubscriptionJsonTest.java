package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsalerts.notifier.app.SecretsUnavailableException;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Subscription;
import dev.newsalerts.notifier.domain.WebhookFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String OLD_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    private final SubscriptionJson underA = json(Optional.of(SecretCipherTest.KEY_A), List.of());

    @Test
    void bothSecretsAreEncryptedInTheTopicAndReadBackInPlainText() {
        Subscription rotated = webhook("sub-1").rotated(SecretCipherTest.SECRET, Instant.now(), Duration.ofHours(1));

        String stored = underA.write(rotated);
        StoredSubscription read = underA.read(stored);

        assertThat(stored).doesNotContain("whsec_").contains("\"secret\":\"enc:v1:k-a:", "\"previousSecret\":\"enc:v1:k-a:");
        assertThat(read.subscription()).isEqualTo(rotated);
        assertThat(read.subscription().secret()).isEqualTo(SecretCipherTest.SECRET);
        assertThat(read.subscription().previousSecret()).isEqualTo(OLD_SECRET);
        assertThat(read.unreadable()).isNull();
        assertThat(read.stale()).isFalse();
    }

    @Test
    void aSubscriptionWithoutSecretsIsWrittenAsBeforeEvenWithoutAKey() {
        Subscription email = new Subscription("sub-2", "inbox", Channel.EMAIL, "a@example.com", List.of(), null, null, null,
                null, true, null, Subscription.ORIGIN_API, Instant.now(), Instant.now(), null, null, null, null, null, null, null);
        SubscriptionJson noKey = json(Optional.empty(), List.of());

        assertThat(noKey.read(noKey.write(email)).subscription()).isEqualTo(email);
    }

    @Test
    void withoutAKeyASecretIsNeverWrittenInPlainText() {
        SubscriptionJson noKey = json(Optional.empty(), List.of());

        assertThatThrownBy(() -> noKey.write(webhook("sub-3"))).isInstanceOf(SecretsUnavailableException.class)
                .hasMessageContaining("notifier.secrets.key");
    }

    @Test
    void aSecretInPlainTextFromBeforeIsReadAndMarkedStale() {
        String before = MAPPER.valueToTree(webhook("sub-4")).toString();

        StoredSubscription read = underA.read(before);

        assertThat(before).contains(OLD_SECRET);
        assertThat(read.subscription().secret()).isEqualTo(OLD_SECRET);
        assertThat(read.subscription().enabled()).isTrue();
        assertThat(read.stale()).isTrue();
    }

    @Test
    void aSecretUnderAPreviousKeyIsReadAndMarkedStale() {
        String stored = underA.write(webhook("sub-5"));

        StoredSubscription read = json(Optional.of(SecretCipherTest.KEY_B), List.of(SecretCipherTest.KEY_A)).read(stored);

        assertThat(read.subscription().secret()).isEqualTo(OLD_SECRET);
        assertThat(read.stale()).isTrue();
    }

    @Test
    void aSecretUnderAKeyThatIsNotConfiguredLeavesTheSubscriptionDisabledSayingWhy() {
        String stored = underA.write(webhook("sub-6"));

        StoredSubscription read = json(Optional.of(SecretCipherTest.KEY_B), List.of()).read(stored);

        assertThat(read.unreadable()).contains("'k-a'").doesNotContain("whsec_");
        assertThat(read.stale()).as("not to be written again: that would lose the secret").isFalse();
        assertThat(read.subscription().enabled()).isFalse();
        assertThat(read.subscription().disabledReason()).isEqualTo(read.unreadable());
        assertThat(read.subscription().secret()).isNull();
        assertThat(read.subscription().name()).isEqualTo("hook sub-6");
    }

    @Test
    void aSecretMovedFromAnotherSubscriptionDoesNotDecrypt() throws Exception {
        String stored = underA.write(webhook("sub-7"));
        String moved = stored.replace("\"id\":\"sub-7\"", "\"id\":\"sub-8\"");

        StoredSubscription read = underA.read(moved);

        assertThat(moved).contains("\"id\":\"sub-8\"");
        assertThat(read.unreadable()).contains("a value of another subscription");
        assertThat(read.subscription().secret()).isNull();
    }

    @Test
    void aValueThatIsNoSubscriptionIsRefused() {
        assertThatThrownBy(() -> underA.read("[1, 2]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> underA.read("{\"id\":")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Subscription webhook(String id) {
        Instant created = Instant.parse("2026-12-01T08:00:00Z");
        return new Subscription(id, "hook " + id, Channel.WEBHOOK, "https://example.com/hook", List.of("cloud-pricing"), 0.5,
                "en", WebhookFormat.STANDARD, OLD_SECRET, true, null, Subscription.ORIGIN_API, created, created, null, null, null,
                null, null, null, null);
    }

    private static SubscriptionJson json(Optional<String> key, List<String> previous) {
        return new SubscriptionJson(MAPPER, new SecretCipher(SecretKeys.of(key, previous)));
    }
}
