package dev.newsalerts.localkafka;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real KRaft Kafka cluster on loopback: {@code size} nodes, each a combined broker and
 * controller in its own child JVM, all of them voters of the controller quorum. Replicated as in
 * production: three copies of every partition by default (topics, consumer offsets, transaction
 * state) and two of them in sync for a write to succeed, so any one node can die without losing
 * an acknowledged record or stopping writes. Nodes can be killed (SIGKILL) and started again.
 *
 * <p>Node {@code i} (1-based) keeps its data in {@code dataDir/node-i} and its output in
 * {@code dataDir/node-i/broker.log}.
 */
public final class LocalKafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final List<KafkaNode> nodes;
    private final List<Integer> brokerPorts;

    private LocalKafkaCluster(List<KafkaNode> nodes, List<Integer> brokerPorts) {
        this.nodes = nodes;
        this.brokerPorts = brokerPorts;
    }

    /** Starts {@code size} (at least 3) nodes on free loopback ports and waits until every one serves. */
    public static LocalKafkaCluster start(Path dataDir, int size) throws IOException, InterruptedException {
        if (size < 3) {
            throw new IllegalArgumentException("a replicated cluster needs at least 3 nodes; LocalKafka runs one");
        }
        List<Integer> brokerPorts = IntStream.range(0, size).map(i -> KafkaNode.freePort()).boxed().toList();
        List<Integer> controllerPorts = IntStream.range(0, size).map(i -> KafkaNode.freePort()).boxed().toList();
        String voters = IntStream.range(0, size).mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        Map<String, String> replication = Map.of(
                "default.replication.factor", "3",
                "min.insync.replicas", "2",
                "offsets.topic.replication.factor", "3",
                "transaction.state.log.replication.factor", "3",
                "transaction.state.log.min.isr", "2",
                "share.coordinator.state.topic.replication.factor", "3",
                "share.coordinator.state.topic.min.isr", "2",
                "unclean.leader.election.enable", "false");
        String clusterId = KafkaNode.newClusterId();
        List<KafkaNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            KafkaNode node = KafkaNode.configure(dataDir.resolve("node-" + (i + 1)), i + 1, brokerPorts.get(i),
                    controllerPorts.get(i), voters, replication, "256m");
            node.format(clusterId);
            nodes.add(node);
        }
        LocalKafkaCluster cluster = new LocalKafkaCluster(nodes, brokerPorts);
        try {
            // All at once: no node finishes starting before a majority of the quorum is up.
            for (KafkaNode node : nodes) {
                node.launch();
            }
            for (KafkaNode node : nodes) {
                node.awaitReady(START_TIMEOUT);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Every node's broker address, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return brokerPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    /** The broker port of node {@code nodeId} (1-based, as Kafka's {@code node.id}). */
    public int port(int nodeId) {
        return brokerPorts.get(nodeId - 1);
    }

    public boolean isRunning(int nodeId) {
        return node(nodeId).isAlive();
    }

    public long pid(int nodeId) {
        return node(nodeId).pid();
    }

    /** Kills node {@code nodeId} with SIGKILL and waits for its JVM to end. */
    public void kill(int nodeId) throws InterruptedException {
        node(nodeId).kill();
    }

    /** Stops node {@code nodeId} gracefully (SIGTERM): it hands its leaderships over first. */
    public void stop(int nodeId) {
        node(nodeId).close();
    }

    /** Starts a stopped or killed node again, on the same ports and data, and waits until it serves. */
    public void restart(int nodeId) throws IOException, InterruptedException {
        KafkaNode node = node(nodeId);
        node.launch();
        node.awaitReady(START_TIMEOUT);
    }

    /**
     * Stops every node still running, gracefully and all at once: one by one, the last ones would
     * wait for a controller quorum that is already gone.
     */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (KafkaNode node : nodes) {
            Thread thread = new Thread(node::close, "stop-kafka-" + node.nodeId());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private KafkaNode node(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("no node " + nodeId + " in a cluster of " + nodes.size());
        }
        return nodes.get(nodeId - 1);
    }
}
