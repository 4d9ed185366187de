package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local run costs a laptop (issue 16, not part of the build): {@code ./mvnw install -DskipTests &&
 * ./mvnw -pl deploy/local-run -Pload verify -Dit.test=LocalRunFootprint}. Runs the README's first command
 * ({@code java -jar deploy/local-run/target/local-run.jar}) on a fresh data directory, then once more on
 * the same one: for each start, the seconds until it says it is running, and after
 * {@code -Dfootprint.idle-seconds} (30) idle, the resident memory of its five JVMs (the launcher, the broker and
 * the three services). {@code -Dfootprint.home=DIR} measures another checkout's (built there). To the console and
 * {@code target/local-run-footprint.txt}.
 */
class LocalRunFootprint {

    private static final String RUNNING = "news-alerts is running";

    @TempDir
    Path dataDir;

    @Test
    void readyTimeAndIdleMemoryOfTheLocalRun() throws Exception {
        // -Dfootprint.home=DIR runs another checkout's local run (a baseline), from that checkout
        Path home = Path.of(System.getProperty("footprint.home", "../..")).toAbsolutePath().normalize();
        Path jar = home.resolve("deploy/local-run/target/local-run.jar");
        int idleSeconds = Integer.getInteger("footprint.idle-seconds", 30);
        StringBuilder report = new StringBuilder("Local run footprint, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version") + "\n");
        report.append(home).append('\n');
        for (String start : List.of("first start", "second start")) {
            report.append(measure(home, jar, start, idleSeconds)).append('\n');
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "local-run-footprint.txt"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private String measure(Path home, Path jar, String start, int idleSeconds) throws Exception {
        Process run = new ProcessBuilder("java", "-jar", jar.toString(), "--data-dir", dataDir.toString(), "--kafka-port",
                Integer.toString(freePort())).directory(home.toFile()).redirectErrorStream(true).start();
        try {
            long began = System.nanoTime();
            CompletableFuture<Void> running = new CompletableFuture<>();
            Thread output = new Thread(() -> echoUntilRunning(run, running), "local-run-output");
            output.setDaemon(true);
            output.start();
            running.get(3, TimeUnit.MINUTES);
            double readySeconds = (System.nanoTime() - began) / 1e9;
            Thread.sleep(Duration.ofSeconds(idleSeconds).toMillis());
            List<ProcessHandle> jvms = Stream.concat(Stream.of(run.toHandle()), run.descendants())
                    .filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(false)).toList();
            long residentMib = 0;
            StringBuilder each = new StringBuilder();
            for (ProcessHandle jvm : jvms) {
                long mib = ProcessStats.residentMib(jvm.pid());
                residentMib += mib;
                each.append(' ').append(mib);
            }
            assertThat(jvms).as("the launcher, the broker and three services").hasSize(5);
            return String.format("%-12s ready in %.1f s; after %d s idle %d MiB resident in %d JVMs (MiB each:%s)", start,
                    readySeconds, idleSeconds, residentMib, jvms.size(), each);
        } finally {
            run.destroy(); // SIGTERM: the local run stops its children, as Ctrl-C does
            if (!run.waitFor(1, TimeUnit.MINUTES)) {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
        }
    }

    private static void echoUntilRunning(Process run, CompletableFuture<Void> running) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!running.isDone()) {
                    System.out.println(line);
                }
                if (line.contains(RUNNING)) {
                    running.complete(null);
                }
            }
            running.completeExceptionally(new IllegalStateException("the local run ended before it was running"));
        } catch (IOException e) {
            running.completeExceptionally(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
