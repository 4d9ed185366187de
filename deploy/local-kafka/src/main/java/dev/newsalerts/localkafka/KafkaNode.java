package dev.newsalerts.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One KRaft node (combined broker and controller) in a child JVM, from the
 * {@code org.apache.kafka:kafka_2.13} jars on this machine's Maven repository: its configuration,
 * the formatting of its log directory, and its process. {@link LocalKafka} runs one,
 * {@link LocalKafkaCluster} several.
 */
final class KafkaNode implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";

    private final int nodeId;
    private final Path dataDir;
    private final Path properties;
    private final Path output;
    private final List<String> jvmOptions;
    private ChildJvm process;
    private long logOffset;

    private KafkaNode(int nodeId, Path dataDir, Path properties, List<String> jvmOptions) {
        this.nodeId = nodeId;
        this.dataDir = dataDir;
        this.properties = properties;
        this.output = dataDir.resolve("broker.log");
        this.jvmOptions = jvmOptions;
    }

    /**
     * Writes the node's {@code server.properties} in {@code dataDir}.
     *
     * @param voters the controller quorum, as {@code controller.quorum.voters} lists it
     * @param settings further broker settings (replication factors and the like)
     * @param heap the child's {@code -Xmx}, such as {@code 512m}
     */
    static KafkaNode configure(Path dataDir, int nodeId, int brokerPort, int controllerPort, String voters,
            Map<String, String> settings, String heap) throws IOException {
        Path logDirs = dataDir.resolve("kafka-logs");
        Files.createDirectories(logDirs);
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.num.partitions=4",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                // a laptop's broker: threads as many as the cores it shares, not a server's (each costs memory)
                "num.network.threads=2",
                "num.io.threads=2",
                "background.threads=2",
                "num.recovery.threads.per.data.dir=1"));
        settings.forEach((key, value) -> lines.add(key + "=" + value));
        Path properties = dataDir.resolve("server.properties");
        Files.writeString(properties, String.join("\n", lines) + "\n");
        // C1 only, as a laptop's JVMs: C2's compiling was most of a cold broker's CPU (docs/BENCHMARKS.md, "C1 or C2")
        List<String> jvmOptions = List.of("-Xms16m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4jConfig(dataDir).toUri());
        return new KafkaNode(nodeId, dataDir, properties, jvmOptions);
    }

    int nodeId() {
        return nodeId;
    }

    boolean isFormatted() {
        return Files.exists(dataDir.resolve("kafka-logs").resolve("meta.properties"));
    }

    /** Formats the log directory for the cluster {@code clusterId}, unless it already is. */
    void format(String clusterId) throws IOException, InterruptedException {
        if (isFormatted()) {
            return;
        }
        long offset = logSize();
        ChildJvm storageTool = ChildJvm.start("kafka-storage-" + nodeId, brokerClasspath(), jvmOptions,
                "kafka.tools.StorageTool", List.of("format", "--ignore-formatted", "-t", clusterId, "-c",
                        properties.toString()), output);
        int exit = storageTool.waitFor(2, TimeUnit.MINUTES);
        if (exit != 0) {
            throw new IllegalStateException("formatting the log directory of Kafka node " + nodeId + " failed (exit "
                    + exit + "):\n" + readFrom(output, offset));
        }
    }

    /** Starts the node's JVM; {@link #awaitReady} waits until it serves. */
    void launch() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Kafka node " + nodeId + " is running already");
        }
        logOffset = logSize();
        process = ChildJvm.start("kafka-" + nodeId, brokerClasspath(), jvmOptions, "kafka.Kafka",
                List.of(properties.toString()), output);
    }

    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String log = readFrom(output, logOffset);
            if (log.contains(READY_LINE)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka node " + nodeId + " exited during start-up:\n" + log);
            }
            Thread.sleep(100); // polling a child's log file; there is no event to wait on
        }
        process.close();
        throw new IllegalStateException("Kafka node " + nodeId + " did not start within " + timeout + "; see " + output);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Ends the node's JVM at once (SIGKILL), as a crash or a pulled plug would. */
    void kill() throws InterruptedException {
        if (isAlive()) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Stops the node gracefully (SIGTERM): it hands its leaderships over and closes its logs cleanly. */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private long logSize() throws IOException {
        return Files.exists(output) ? Files.size(output) : 0;
    }

    private static String readFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    private static Path log4jConfig(Path dataDir) throws IOException {
        Path file = dataDir.resolve("log4j2.properties");
        try (InputStream in = resource("local-kafka/log4j2.properties")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static List<String> brokerClasspath() throws IOException {
        try (InputStream in = resource("local-kafka/broker.classpath")) {
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return Arrays.asList(classpath.split(java.io.File.pathSeparator));
        }
    }

    private static InputStream resource(String name) {
        InputStream in = KafkaNode.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the local-kafka jar; build it with Maven");
        }
        return in;
    }

    /** A cluster id as Kafka's {@code Uuid.randomUuid().toString()} makes them. */
    static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return id.startsWith("-") ? newClusterId() : id;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
