package dev.newsalerts.kafka;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;

/**
 * Creates, at start-up and before any channel runs, every topic the service's channels name
 * ({@code mp.messaging.*.*.topic} and {@code *.dead-letter-queue.topic}) that does not exist yet,
 * with the partitions, replication and compaction of {@link TopicsConfig}. When no broker answers,
 * the service starts anyway (its REST API works; readiness reports Kafka down) and the topics are
 * created in the background as soon as one does.
 */
@ApplicationScoped
public class ChannelTopics {

    private static final Duration BROKER_WAIT = Duration.ofSeconds(10);
    private static final Duration BROKER_RETRY = Duration.ofSeconds(5);
    private static final Pattern TOPIC_KEY =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(dead-letter-queue\\.)?topic");

    private final Map<String, Object> kafkaConfig;
    private final TopicsConfig topics;
    private final Config config;

    public ChannelTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TopicsConfig topics,
            Config config) {
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
        this.config = config;
    }

    void createChannelTopics(@Observes @Priority(1) StartupEvent event) throws InterruptedException {
        if (!createMissing(channelTopics())) {
            Thread retry = new Thread(this::createWhenKafkaAnswers, "create-topics");
            retry.setDaemon(true);
            retry.start();
        }
    }

    /**
     * Creates those of the given topics that do not exist yet, like the channels' own.
     *
     * @return false when the broker did not answer in time
     */
    public boolean createMissing(Set<String> names) throws InterruptedException {
        Map<String, Object> adminConfig = clientConfig(AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_WAIT.toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_WAIT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String name : names) {
                int partitions = topics.singlePartition().orElse(Set.of()).contains(name) ? 1 : topics.partitions();
                NewTopic topic = new NewTopic(name, partitions, topics.replicationFactor());
                if (topics.compacted().orElse(Set.of()).contains(name)) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                wanted.add(topic);
            }
            create(admin, wanted);
            return true;
        } catch (KafkaUnreachable e) {
            Log.warnf("Kafka at %s did not answer within %d s; the topics will be created when it does",
                    kafkaConfig.get("bootstrap.servers"), BROKER_WAIT.toSeconds());
            return false;
        }
    }

    /**
     * Has a table follow a topic the service reads without a channel: on a thread of its own, creates
     * the topic when missing (as the channels' own), waiting for a broker that is not there yet, then
     * starts the table and runs {@code whenFollowing}.
     *
     * @return that thread: interrupt it at shutdown to give up waiting
     */
    public Thread followOnceCreated(FollowedTable<?> table, String topic, Runnable whenFollowing) {
        Thread thread = new Thread(() -> {
            try {
                while (!createMissing(Set.of(topic))) {
                    Thread.sleep(BROKER_RETRY.toMillis()); // the broker is not there yet
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!Thread.currentThread().isInterrupted()) {
                table.start(clientConfig(ConsumerConfig.configNames()));
                whenFollowing.run();
            }
        }, "follow-" + topic);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Has a compacted topic also delete what is older than the retention (cleanup.policy
     * compact,delete), so that a table of recent things does not grow for ever.
     *
     * @return false when the broker did not do it (the reason is logged): try again later
     */
    public boolean keepCompactedFor(String topic, Duration retention) throws InterruptedException {
        Map<String, Object> adminConfig = clientConfig(AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_WAIT.toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_WAIT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())),
                            AlterConfigOp.OpType.SET)))).all().get();
            return true;
        } catch (ExecutionException | RuntimeException e) {
            Log.warnf("Could not set the retention of %s to %s: %s", topic, retention, e.getMessage());
            return false;
        }
    }

    private void createWhenKafkaAnswers() {
        try {
            while (!createMissing(channelTopics())) {
                Thread.sleep(BROKER_WAIT.toMillis()); // wait between attempts to reach the broker
            }
            Log.info("Kafka answered: topics checked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The application's {@code kafka.*} settings, restricted to those a given Kafka client understands. */
    public Map<String, Object> clientConfig(Set<String> knownKeys) {
        Map<String, Object> clientConfig = new HashMap<>(kafkaConfig);
        clientConfig.keySet().retainAll(knownKeys);
        return clientConfig;
    }

    Set<String> channelTopics() {
        Set<String> names = new TreeSet<>();
        for (String key : config.getPropertyNames()) {
            if (TOPIC_KEY.matcher(key).matches()) {
                names.add(config.getValue(key, String.class));
            }
        }
        return names;
    }

    /** In one request, which the broker commits at once: a request per topic cost a first start a second or more. */
    private static void create(Admin admin, List<NewTopic> wanted) throws InterruptedException {
        Map<String, KafkaFuture<Void>> created = admin.createTopics(wanted).values();
        for (NewTopic topic : wanted) {
            try {
                created.get(topic.name()).get();
                Log.infof("Created topic %s (%d partitions)", topic.name(), topic.numPartitions());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TimeoutException) {
                    throw new KafkaUnreachable();
                }
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
                }
            }
        }
    }

    private static final class KafkaUnreachable extends RuntimeException {
        KafkaUnreachable() {
            super(null, null, false, false);
        }
    }
}
