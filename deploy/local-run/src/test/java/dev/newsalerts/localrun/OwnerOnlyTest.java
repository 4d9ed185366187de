package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path tmp;

    @Test
    void aDataDirectoryLeftOpenByAnEarlierRunIsClosedToOthers() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("live"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        OwnerOnly.directory(data);

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFileOfSecretsIsReadableByItsOwnerOnlyEvenWhenItWasNot() throws Exception {
        Path file = Files.writeString(tmp.resolve("api-token"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnly.write(file, "new\n");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }
}
