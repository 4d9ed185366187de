package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsalerts.notifier.app.SecretsUnavailableException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String KEY_A = "k-a:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String KEY_B = "k-b:" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final SecretCipher underA = cipher(KEY_A);

    @Test
    void aSecretEncryptedIsNamedByItsKeyIdAndDecryptsBackForTheSameSubscription() throws Exception {
        String stored = underA.encrypt(SECRET, "sub-1");

        assertThat(stored).startsWith("enc:v1:k-a:").doesNotContain(SECRET).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(underA.decrypt(stored, "sub-1")).isEqualTo(SECRET);
        assertThat(underA.isUnderCurrentKey(stored)).isTrue();
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTimeARandomIvEach() {
        assertThat(underA.encrypt(SECRET, "sub-1")).isNotEqualTo(underA.encrypt(SECRET, "sub-1"));
    }

    @Test
    void aPreviousKeyStillDecryptsButTheValueIsNotUnderTheCurrentKey() throws Exception {
        String stored = underA.encrypt(SECRET, "sub-1");
        SecretCipher rotated = new SecretCipher(SecretKeys.of(Optional.of(KEY_B), List.of(KEY_A)));

        assertThat(rotated.decrypt(stored, "sub-1")).isEqualTo(SECRET);
        assertThat(rotated.isUnderCurrentKey(stored)).isFalse();
        assertThat(rotated.encrypt(SECRET, "sub-1")).startsWith("enc:v1:k-b:");
    }

    @Test
    void aValueUnderAKeyIdThatIsNotConfiguredIsRefusedNamingTheKeyId() {
        String stored = underA.encrypt(SECRET, "sub-1");

        assertThatThrownBy(() -> cipher(KEY_B).decrypt(stored, "sub-1"))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("'k-a'").hasMessageContaining("notifier.secrets.previous-keys")
                .satisfies(e -> assertNoSecretIn(e, stored));
    }

    @Test
    void anotherKeyUnderTheSameIdDoesNotDecrypt() {
        String stored = underA.encrypt(SECRET, "sub-1");
        String otherKeySameId = "k-a:" + Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> cipher(otherKeySameId).decrypt(stored, "sub-1"))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("does not decrypt under the key id 'k-a'")
                .satisfies(e -> assertNoSecretIn(e, stored));
    }

    @Test
    void aChangedCiphertextDoesNotDecrypt() {
        String stored = underA.encrypt(SECRET, "sub-1");
        byte[] bytes = Base64.getDecoder().decode(stored.substring("enc:v1:k-a:".length()));
        bytes[bytes.length - 20] ^= 1;
        String tampered = "enc:v1:k-a:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> underA.decrypt(tampered, "sub-1"))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("does not decrypt")
                .satisfies(e -> assertNoSecretIn(e, tampered));
    }

    @Test
    void aCiphertextMovedToAnotherSubscriptionDoesNotDecrypt() {
        String stored = underA.encrypt(SECRET, "sub-1");

        assertThatThrownBy(() -> underA.decrypt(stored, "sub-2"))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("a value of another subscription")
                .satisfies(e -> assertNoSecretIn(e, stored));
    }

    @Test
    void aValueThatIsNotInTheEncryptedFormIsRefusedSayingSo() {
        assertThatThrownBy(() -> underA.decrypt("enc:v1:k-a:not*base64", "sub-1")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> underA.decrypt("enc:v1:k-a:AAAA", "sub-1")).hasMessageContaining("too short");
        assertThatThrownBy(() -> underA.decrypt("enc:v1:", "sub-1")).hasMessageContaining("not in the form");
    }

    @Test
    void withoutACurrentKeyNothingIsEncryptedAndTheMissingSettingIsNamed() {
        SecretCipher none = new SecretCipher(SecretKeys.of(Optional.empty(), List.of()));

        assertThatThrownBy(() -> none.encrypt(SECRET, "sub-1")).isInstanceOf(SecretsUnavailableException.class)
                .hasMessageContaining("notifier.secrets.key is not set").satisfies(e -> assertNoSecretIn(e, ""));
    }

    private static SecretCipher cipher(String key) {
        return new SecretCipher(SecretKeys.of(Optional.of(key), List.of()));
    }

    private static void assertNoSecretIn(Throwable e, String stored) {
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("whsec_");
        if (!stored.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(stored.substring(stored.lastIndexOf(':') + 1));
        }
    }
}
