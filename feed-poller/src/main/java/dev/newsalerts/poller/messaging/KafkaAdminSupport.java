package dev.newsalerts.poller.messaging;

import dev.newsalerts.poller.config.TopicsConfig;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics this service uses, with the configured partitions and replication, when they are missing. */
@ApplicationScoped
public class KafkaAdminSupport {

    private final Map<String, Object> kafkaConfig;
    private final TopicsConfig topics;

    public KafkaAdminSupport(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TopicsConfig topics) {
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
    }

    public void createTopics() {
        List<NewTopic> wanted = List.of(
                new NewTopic(Topics.STORIES, topics.partitions(), topics.replicationFactor()),
                new NewTopic(Topics.FEED_STATE, topics.partitions(), topics.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        try (Admin admin = Admin.create(clientConfig(AdminClientConfig.configNames()))) {
            for (NewTopic topic : wanted) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    Log.infof("Created topic %s (%d partitions)", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** The application's {@code kafka.*} settings, restricted to those a given client understands. */
    public Map<String, Object> clientConfig(java.util.Set<String> known) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
