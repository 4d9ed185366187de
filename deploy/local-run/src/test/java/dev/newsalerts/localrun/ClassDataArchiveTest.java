package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aServiceRecordsItsArchiveOnceThenUsesItAndARebuildReplacesIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "build 1");
        Path archives = dir.resolve("cds");
        ClassDataArchive first = ClassDataArchive.of(archives, "classifier", List.of(jar));
        assertThat(first.jvmOptions()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));

        Files.writeString(Path.of(first.jvmOptions().get(0).substring("-XX:ArchiveClassesAtExit=".length())), "recorded");
        first.keepRecorded(); // the service has exited
        assertThat(ClassDataArchive.of(archives, "classifier", List.of(jar)).jvmOptions())
                .contains("-XX:SharedArchiveFile=" + first.path());

        Files.writeString(jar, "build 2, rebuilt");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1_000));
        ClassDataArchive rebuilt = ClassDataArchive.of(archives, "classifier", List.of(jar));
        assertThat(rebuilt.path()).isNotEqualTo(first.path());
        Files.writeString(Path.of(rebuilt.jvmOptions().get(0).substring("-XX:ArchiveClassesAtExit=".length())), "recorded");
        rebuilt.keepRecorded();
        try (var left = Files.list(archives)) {
            assertThat(left).containsExactly(rebuilt.path());
        }
    }

    @Test
    void aRunThatRecordedNothingLeavesNothing() throws Exception {
        Path jar = Files.writeString(dir.resolve("quarkus-run.jar"), "build 1");
        ClassDataArchive archive = ClassDataArchive.of(dir.resolve("cds"), "notifier", List.of(jar));
        archive.keepRecorded();
        try (var left = Files.list(dir.resolve("cds"))) {
            assertThat(left).isEmpty();
        }
    }
}
