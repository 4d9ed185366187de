package dev.newsalerts.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The local run's token for the notifier's subscriptions API: made once, kept in a file only its owner reads. */
final class TokenFile {

    private TokenFile() {
    }

    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        OwnerOnly.write(file, token + "\n");
        return token;
    }
}
