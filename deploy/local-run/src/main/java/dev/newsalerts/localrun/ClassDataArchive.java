package dev.newsalerts.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A service's class data sharing archive (JDK 13+ dynamic AppCDS): the first run of a build of the
 * service records the classes it loaded when it stops, later runs map them instead of loading and
 * verifying them again, which shortens their start and shares memory. One archive per build of the
 * service, Java runtime and class path (a rebuild gets a new one; the JVM refuses an archive that
 * does not match and starts without it). The archive is written under a temporary name and kept
 * only once the service has exited, so a run killed while writing leaves nothing half-written in use.
 */
final class ClassDataArchive {

    private final String name;
    private final Path archive;
    private final Path beingWritten;

    private ClassDataArchive(String name, Path archive) {
        this.name = name;
        this.archive = archive;
        this.beingWritten = archive.resolveSibling(archive.getFileName() + ".part");
    }

    /** The archive of {@code name} run from {@code classpath}, in {@code directory} (created if need be). */
    static ClassDataArchive of(Path directory, String name, List<Path> classpath) {
        try {
            Files.createDirectories(directory);
            CRC32 identity = new CRC32();
            identity.update((System.getProperty("java.home") + System.getProperty("java.vm.version")).getBytes());
            for (Path entry : classpath) {
                identity.update((entry.toAbsolutePath() + ":" + Files.size(entry) + ":" + Files.getLastModifiedTime(entry).toMillis())
                        .getBytes());
            }
            return new ClassDataArchive(name,
                    directory.resolve(name + "-" + HexFormat.of().toHexDigits((int) identity.getValue()) + ".jsa"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM options: use the archive when there is one, else record it at exit; quietly either way. */
    List<String> jvmOptions() {
        String use = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + beingWritten;
        return List.of(use, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    Path path() {
        return archive;
    }

    /** After the service has exited: keeps what it recorded as the archive, in place of those of earlier builds. */
    void keepRecorded() {
        try {
            if (Files.isRegularFile(beingWritten) && Files.size(beingWritten) > 0) {
                Files.move(beingWritten, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                forgetEarlierBuilds();
            } else {
                Files.deleteIfExists(beingWritten);
            }
        } catch (IOException e) {
            // an optimisation only: the next start records it again
        }
    }

    /** Each rebuild gets an archive of about 50 MB: only the newest one is kept. */
    private void forgetEarlierBuilds() throws IOException {
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(archive.getParent(), name + "-*.jsa")) {
            for (Path earlier : archives) {
                if (!earlier.equals(archive)) {
                    Files.deleteIfExists(earlier);
                }
            }
        }
    }
}
