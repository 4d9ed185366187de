package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SecretKeysTest {

    private static final String KEY_BYTES = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void theCurrentKeyAndThePreviousOnesAreFoundByTheirIds() {
        String previous = "k0:" + Base64.getEncoder().encodeToString(new byte[32]);
        SecretKeys keys = SecretKeys.of(Optional.of("k1:" + KEY_BYTES), List.of(previous));

        assertThat(keys.current()).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("k1"));
        assertThat(keys.byId("k0")).isPresent();
        assertThat(keys.byId("k1")).isPresent();
        assertThat(keys.byId("k2")).isEmpty();
        assertThat(keys.current().orElseThrow().toString()).isEqualTo("Key[id=k1]");
    }

    @Test
    void noKeyOrABlankOneMeansNoCurrentKey() {
        assertThat(SecretKeys.of(Optional.empty(), List.of()).current()).isEmpty();
        assertThat(SecretKeys.of(Optional.of(" "), List.of()).current()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no key id | MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= | no key id before the ':'",
            "an empty key id | :MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= | no key id before the ':'",
            "a space in the key id | k 1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= | the key id may hold only",
            "not base64 | k1:this is not base64! | the key of id 'k1' is not base64",
            "16 bytes | k1:MDEyMzQ1Njc4OWFiY2RlZg== | the key of id 'k1' is 16 bytes, not 32",
            "33 bytes | k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYx | the key of id 'k1' is 33 bytes, not 32",
    })
    void aMalformedKeyIsRefusedNamingTheSettingButNotTheValue(String what, String value, String problem) {
        assertThatThrownBy(() -> SecretKeys.of(Optional.of(value), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("notifier.secrets.key is malformed: " + problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value.substring(value.indexOf(':') + 1)));
        assertThatThrownBy(() -> SecretKeys.of(Optional.empty(), List.of("k9:" + KEY_BYTES, value)))
                .hasMessageStartingWith("notifier.secrets.previous-keys (key 2) is malformed: " + problem);
    }

    @Test
    void oneIdForTwoDifferentKeysIsRefused() {
        String other = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> SecretKeys.of(Optional.of("k1:" + KEY_BYTES), List.of(other)))
                .hasMessageContaining("the key id 'k1' is given to two different keys")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY_BYTES));
        assertThat(SecretKeys.of(Optional.of("k1:" + KEY_BYTES), List.of("k1:" + KEY_BYTES)).byId("k1"))
                .as("the same key twice is harmless").isPresent();
    }
}
