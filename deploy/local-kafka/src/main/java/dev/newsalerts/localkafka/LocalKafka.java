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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in a child JVM,
 * from the {@code org.apache.kafka:kafka_2.13} jars on this machine's Maven repository. Its data
 * lives in {@code dataDir}, so a second start reuses topics, offsets and compacted state.
 */
public final class LocalKafka implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildJvm broker;
    private final int port;

    private LocalKafka(ChildJvm broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /** Starts a broker on {@code 127.0.0.1:port} (0 picks a free port) and waits until it serves. */
    public static LocalKafka start(Path dataDir, int port) throws IOException, InterruptedException {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Path logDirs = dataDir.resolve("kafka-logs");
        Files.createDirectories(logDirs);
        Path properties = writeServerProperties(dataDir, logDirs, brokerPort, controllerPort);
        Path output = dataDir.resolve("broker.log");
        List<String> classpath = brokerClasspath();
        List<String> jvmOptions = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + log4jConfig(dataDir).toUri());

        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(classpath, jvmOptions, properties, output);
        }
        long logOffset = Files.exists(output) ? Files.size(output) : 0;
        ChildJvm broker = ChildJvm.start("kafka", classpath, jvmOptions, "kafka.Kafka",
                List.of(properties.toString()), output);
        LocalKafka kafka = new LocalKafka(broker, brokerPort);
        kafka.awaitReady(output, logOffset);
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return broker.isAlive();
    }

    @Override
    public void close() {
        broker.close();
    }

    private static void format(List<String> classpath, List<String> jvmOptions, Path properties, Path output)
            throws IOException, InterruptedException {
        long logOffset = Files.exists(output) ? Files.size(output) : 0;
        ChildJvm storageTool = ChildJvm.start("kafka-storage", classpath, jvmOptions, "kafka.tools.StorageTool",
                List.of("format", "--ignore-formatted", "-t", newClusterId(), "-c", properties.toString()), output);
        int exit = storageTool.waitFor(2, TimeUnit.MINUTES);
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed (exit " + exit + "):\n"
                    + readFrom(output, logOffset));
        }
    }

    private void awaitReady(Path output, long logOffset) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String log = readFrom(output, logOffset);
            if (log.contains(READY_LINE)) {
                return;
            }
            if (!broker.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited during start-up:\n" + log);
            }
            Thread.sleep(100); // polling a child's log file; there is no event to wait on
        }
        broker.close();
        throw new IllegalStateException("the Kafka broker did not start within " + START_TIMEOUT + "; see " + output);
    }

    private static String readFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    private static Path writeServerProperties(Path dataDir, Path logDirs, int brokerPort, int controllerPort)
            throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                "");
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
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
        InputStream in = LocalKafka.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the local-kafka jar; build it with Maven");
        }
        return in;
    }

    /** A cluster id as Kafka's {@code Uuid.randomUuid().toString()} makes them. */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return id.startsWith("-") ? newClusterId() : id;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
