package dev.newsalerts.localkafka;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Java main class in a child JVM (through {@link ChildMain}, so it dies with us) and
 * stops it gracefully.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * @param classpath entries of the child's classpath; this library's own location is added
     * @param jvmOptions options such as {@code -Xmx256m} or {@code -Dkey=value}
     * @param output file the child's stdout and stderr are appended to, or null to inherit ours
     */
    public static ChildJvm start(String name, List<String> classpath, List<String> jvmOptions,
            String mainClass, List<String> args, Path output) throws IOException {
        return start(name, classpath, jvmOptions, mainClass, args, output, null);
    }

    /** @param workingDir the child's working directory, or null for ours */
    public static ChildJvm start(String name, List<String> classpath, List<String> jvmOptions,
            String mainClass, List<String> args, Path output, Path workingDir) throws IOException {
        List<String> entries = new ArrayList<>(classpath);
        entries.add(ownLocation());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(nativeHeapTrim(Runtime.version(), System.getProperty("os.name")));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, entries));
        command.add(ChildMain.class.getName());
        command.add(mainClass);
        command.addAll(args);

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // glibc gives each thread that allocates its own 64 MiB arena; a JVM's few native allocations need two
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        if (output == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        }
        return new ChildJvm(name, builder.start());
    }

    /**
     * glibc keeps the native memory a JVM freed after its start-up; where the JVM can, it hands it back
     * every 10 s (2 to 5 MiB a JVM at idle, measured on the local run). The child runs our own Java,
     * so its version is ours: the option came with JDK 17.0.9, 21.0.1 and 22, and an older JVM would
     * refuse to start on it.
     */
    static List<String> nativeHeapTrim(Runtime.Version version, String osName) {
        boolean supported = version.feature() >= 22 || version.feature() == 21 && version.update() >= 1
                || version.feature() == 17 && version.update() >= 9;
        return supported && osName.startsWith("Linux")
                ? List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=10000") : List.of();
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the child to exit and returns its exit code. */
    public int waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            throw new IllegalStateException(name + " did not finish within " + timeout + " " + unit);
        }
        return process.exitValue();
    }

    /** Asks the child to stop (SIGTERM, so its shutdown hooks run) and kills it if it takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the local-kafka classes", e);
        }
    }
}
