package dev.newsalerts.localkafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker. One broker serves every test class of a test
 * JVM (starting one takes seconds); it stops when that JVM exits.
 */
public class LocalKafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalKafka broker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", sharedBroker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives each Quarkus application so the next test class can reuse it.
    }

    /** The broker shared by this JVM's tests, started on first use. */
    public static synchronized LocalKafka sharedBroker() {
        if (broker == null || !broker.isRunning()) {
            try {
                Path dataDir = Files.createTempDirectory("local-kafka-test");
                broker = LocalKafka.start(dataDir, 0);
                LocalKafka started = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-kafka-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("could not start the local Kafka broker", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the local Kafka broker", e);
            }
        }
        return broker;
    }
}
