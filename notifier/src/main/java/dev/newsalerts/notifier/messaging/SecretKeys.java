package dev.newsalerts.notifier.messaging;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt webhook secrets at rest ({@code notifier.secrets.*}): the current one,
 * which encrypts, and previous ones, which only decrypt. Each is written
 * {@code <key id>:<base64 of 32 bytes>}; a malformed one is refused naming its setting, never
 * showing its value.
 */
final class SecretKeys {

    static final String KEY_SETTING = "notifier.secrets.key";
    static final String PREVIOUS_KEYS_SETTING = "notifier.secrets.previous-keys";

    private static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** One key and the id the stored values name it by; its {@code toString} never shows the key. */
    record Key(String id, SecretKey secretKey) {
        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }

    private final Key current;
    private final Map<String, Key> byId;

    private SecretKeys(Key current, Map<String, Key> byId) {
        this.current = current;
        this.byId = byId;
    }

    /**
     * @param current {@code notifier.secrets.key}, when set
     * @param previous {@code notifier.secrets.previous-keys}
     * @throws IllegalArgumentException naming the setting when a key is malformed, or an id is given to two keys
     */
    static SecretKeys of(Optional<String> current, List<String> previous) {
        Map<String, Key> byId = new LinkedHashMap<>();
        Key currentKey = current.filter(value -> !value.isBlank()).map(value -> parse(KEY_SETTING, value)).orElse(null);
        if (currentKey != null) {
            byId.put(currentKey.id(), currentKey);
        }
        for (int i = 0; i < previous.size(); i++) {
            if (previous.get(i).isBlank()) {
                continue;
            }
            Key key = parse(PREVIOUS_KEYS_SETTING + " (key " + (i + 1) + ")", previous.get(i));
            Key before = byId.putIfAbsent(key.id(), key);
            if (before != null && !before.secretKey().equals(key.secretKey())) {
                throw new IllegalArgumentException(PREVIOUS_KEYS_SETTING + ": the key id '" + key.id()
                        + "' is given to two different keys (" + KEY_SETTING + " and " + PREVIOUS_KEYS_SETTING
                        + " together): each key needs an id of its own");
            }
        }
        return new SecretKeys(currentKey, Map.copyOf(byId));
    }

    /** No keys at all: secrets can be neither encrypted nor decrypted. */
    static SecretKeys none() {
        return new SecretKeys(null, Map.of());
    }

    /** The key that encrypts; empty when {@code notifier.secrets.key} is not set. */
    Optional<Key> current() {
        return Optional.ofNullable(current);
    }

    /** The current or a previous key of this id. */
    Optional<Key> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static Key parse(String setting, String value) {
        String text = value.strip();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw malformed(setting, "no key id before the ':'");
        }
        String id = text.substring(0, colon);
        if (!KEY_ID.matcher(id).matches()) {
            throw malformed(setting, "the key id may hold only letters, digits, '.', '_' and '-' (at most 64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw malformed(setting, "the key of id '" + id + "' is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw malformed(setting, "the key of id '" + id + "' is " + bytes.length + " bytes, not " + KEY_BYTES);
        }
        return new Key(id, new SecretKeySpec(bytes, "AES"));
    }

    private static IllegalArgumentException malformed(String setting, String problem) {
        return new IllegalArgumentException(setting + " is malformed: " + problem + "; expected <key id>:<base64 of "
                + KEY_BYTES + " random bytes>, such as the output of: echo \"k1:$(head -c32 /dev/urandom | base64)\"");
    }
}
