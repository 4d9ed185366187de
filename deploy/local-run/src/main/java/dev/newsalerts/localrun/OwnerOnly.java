package dev.newsalerts.localrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories only their owner may read or enter: the local run's data holds the API
 * token, the webhook secrets (in its broker's topics) and the services' settings.
 */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates {@code dir} (and its parents) when missing, and closes it to everyone but its owner. */
    static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, "rwx------");
        return dir;
    }

    /** Writes {@code text} to {@code file}, readable by its owner only from before the first byte is written. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        restrict(file, "rw-------");
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the path keeps the permissions it inherits
        }
    }
}
