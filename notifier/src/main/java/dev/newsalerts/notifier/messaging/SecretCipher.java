package dev.newsalerts.notifier.messaging;

import dev.newsalerts.notifier.app.SecretsUnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts one webhook secret for news.subscriptions and decrypts it again: AES-256-GCM with a
 * random 12-byte IV per value, written {@code enc:v1:<key id>:<base64 of IV, ciphertext and tag>}.
 * The subscription's id is the associated data, so a value moved to another subscription does not
 * decrypt. No message of this class holds a secret or a ciphertext.
 */
final class SecretCipher {

    static final String PREFIX = "enc:v1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeys keys;

    SecretCipher(SecretKeys keys) {
        this.keys = keys;
    }

    /** Whether a stored value is encrypted (or else plain text, as stored before secrets were encrypted). */
    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** Whether a stored value is encrypted under the current key. */
    boolean isUnderCurrentKey(String stored) {
        return isEncrypted(stored) && keys.current().map(key -> key.id().equals(keyId(stored))).orElse(false);
    }

    /** @throws SecretsUnavailableException when {@code notifier.secrets.key} is not set */
    String encrypt(String secret, String subscriptionId) {
        SecretKeys.Key key = keys.current().orElseThrow(() -> new SecretsUnavailableException(
                "webhook secrets cannot be stored: " + SecretKeys.KEY_SETTING + " is not set (see docs/CONFIGURATION.md)"));
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, subscriptionId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + key.id() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param stored a value {@link #encrypt} wrote
     * @throws UnreadableSecretException when its key is not configured, or it does not decrypt under it
     *         (another key of that id, an altered value, or one moved from another subscription)
     */
    String decrypt(String stored, String subscriptionId) throws UnreadableSecretException {
        String keyId = keyId(stored);
        int start = PREFIX.length() + keyId.length() + 1;
        if (keyId.isEmpty() || start > stored.length()) {
            throw new UnreadableSecretException(null, "it is not in the form " + PREFIX + "<key id>:<base64>");
        }
        SecretKeys.Key key = keys.byId(keyId).orElseThrow(() -> new UnreadableSecretException(keyId,
                "it is encrypted under the key id '" + keyId + "', which is neither " + SecretKeys.KEY_SETTING + " nor one of "
                        + SecretKeys.PREVIOUS_KEYS_SETTING));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(start));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException(keyId, "its ciphertext is not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException(keyId, "its ciphertext is too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, IV_BYTES), subscriptionId);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new UnreadableSecretException(keyId, "it does not decrypt under the key id '" + keyId
                    + "' (another key under that id, a changed value, or a value of another subscription)");
        }
    }

    /** The key id a stored value names; empty when it names none. */
    static String keyId(String stored) {
        int end = stored.indexOf(':', PREFIX.length());
        return isEncrypted(stored) && end > 0 ? stored.substring(PREFIX.length(), end) : "";
    }

    private static Cipher cipher(int mode, SecretKeys.Key key, byte[] iv, String subscriptionId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A stored secret this instance cannot decrypt; the message says why, never showing the value. */
    static final class UnreadableSecretException extends Exception {

        private final String keyId;

        UnreadableSecretException(String keyId, String reason) {
            super(reason);
            this.keyId = keyId;
        }

        /** The key id the value names; null when it names none. */
        String keyId() {
            return keyId;
        }
    }
}
