package dev.newsalerts.localkafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in a child JVM,
 * from the {@code org.apache.kafka:kafka_2.13} jars on this machine's Maven repository. Its data
 * lives in {@code dataDir}, so a second start reuses topics, offsets and compacted state. For
 * several brokers, see {@link LocalKafkaCluster}.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1");

    private final KafkaNode broker;
    private static final int PORT_ATTEMPTS = 3;

    private final int port;

    private LocalKafka(KafkaNode broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port} (0 picks a free port) and waits until it serves. A
     * port picked free can be taken by another process before the broker binds it: then it starts
     * again on other free ports, up to {@value #PORT_ATTEMPTS} times.
     */
    public static LocalKafka start(Path dataDir, int port) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port == 0 ? KafkaNode.freePort() : port;
            int controllerPort = KafkaNode.freePort();
            KafkaNode broker = KafkaNode.configure(dataDir, 1, brokerPort, controllerPort, "1@127.0.0.1:" + controllerPort,
                    SINGLE_NODE, "512m");
            broker.format(KafkaNode.newClusterId());
            broker.launch();
            try {
                broker.awaitReady(START_TIMEOUT);
                return new LocalKafka(broker, brokerPort);
            } catch (IllegalStateException e) {
                if (attempt == PORT_ATTEMPTS || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
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
}
