package dev.newsalerts.notifier.messaging;

import dev.newsalerts.notifier.config.TopicsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics this service reads and writes, with the configured partitions and replication, when missing. */
@ApplicationScoped
public class TopicCreator {

    private final Map<String, Object> kafkaConfig;
    private final TopicsConfig topics;

    public TopicCreator(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TopicsConfig topics) {
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
    }

    void createTopics(@Observes @Priority(1) StartupEvent event) throws InterruptedException {
        Map<String, Object> adminConfig = new HashMap<>(kafkaConfig);
        adminConfig.keySet().retainAll(AdminClientConfig.configNames());
        try (Admin admin = Admin.create(adminConfig)) {
            for (String name : Set.of(Topics.ALERTS, Topics.ALERTS_DLQ)) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, topics.partitions(), topics.replicationFactor()))).all().get();
                    Log.infof("Created topic %s (%d partitions)", name, topics.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e);
                    }
                }
            }
        }
    }
}
