package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    @TempDir
    Path tmp;

    @Test
    void theSecretsKeyIsMadeOnceInTheFormTheNotifierTakesAndKeptForTheOwnerOnly() throws Exception {
        Path file = tmp.resolve("secrets-key");

        String key = TokenFile.readOrCreateSecretsKey(file);

        assertThat(key).startsWith("local-1:");
        assertThat(Base64.getDecoder().decode(key.substring("local-1:".length()))).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(TokenFile.readOrCreateSecretsKey(file)).as("the next run's").isEqualTo(key);
        assertThat(TokenFile.readOrCreateSecretsKey(tmp.resolve("other-key"))).isNotEqualTo(key);
    }
}
