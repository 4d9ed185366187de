package dev.newsalerts.localrun;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end scenario on a Kafka broker in a container (the {@code apache/kafka} image that
 * Docker Compose uses). Skipped, saying so, where no Docker engine is reachable.
 */
@ExtendWith(RequiresDocker.class)
class ContainerPipelineIT extends PipelineScenario {

    private static KafkaContainer kafka;

    @BeforeAll
    static void startBroker() {
        kafka = new KafkaContainer("apache/kafka:4.1.1");
        kafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Override
    Optional<String> externalKafka() {
        return Optional.of(kafka.getBootstrapServers());
    }
}
