package dev.newsalerts.localrun;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end scenario on a Kafka broker in a container (the {@code apache/kafka} image that
 * Docker Compose uses). Skipped within seconds, saying why, where no Docker engine is reachable or
 * the engine has not got the image and cannot pull it.
 */
@RequiresDocker(images = ContainerPipelineIT.KAFKA_IMAGE)
class ContainerPipelineIT extends PipelineScenario {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static KafkaContainer kafka;

    @BeforeAll
    static void startBroker() {
        kafka = new KafkaContainer(KAFKA_IMAGE);
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
