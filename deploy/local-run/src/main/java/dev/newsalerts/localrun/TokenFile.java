package dev.newsalerts.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The local run's secrets: the token of the notifier's subscriptions API, the key of its feedback
 * links and the key its webhook secrets are encrypted with in Kafka. Each is made once and kept in
 * a file only its owner reads, so it stays the same across runs.
 */
final class TokenFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFile() {
    }

    /** A random token (48 hex digits). */
    static String readOrCreate(Path file) throws IOException {
        return readOrCreate(file, () -> HexFormat.of().formatHex(random(24)));
    }

    /** A key for {@code notifier.secrets.key}: {@code local-1:<base64 of 32 random bytes>}. */
    static String readOrCreateSecretsKey(Path file) throws IOException {
        return readOrCreate(file, () -> "local-1:" + Base64.getEncoder().encodeToString(random(32)));
    }

    private static String readOrCreate(Path file, Supplier<String> make) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String made = make.get();
        OwnerOnly.write(file, made + "\n");
        return made;
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }
}
