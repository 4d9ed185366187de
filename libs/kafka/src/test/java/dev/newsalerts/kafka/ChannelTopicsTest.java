package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class ChannelTopicsTest {

    private final String existing = TestKafka.newTopic("existing", 2, false);
    private final String plain = "plain-" + UUID.randomUUID();
    private final String compacted = "compacted-" + UUID.randomUUID();
    private final String ordered = "ordered-" + UUID.randomUUID();

    @Test
    void createsTheMissingTopicsAsConfiguredAndLeavesExistingOnesAlone() throws Exception {
        ChannelTopics topics = new ChannelTopics(TestKafka.clientConfig(), settings(), null);

        assertThat(topics.createMissing(Set.of(existing, plain, compacted, ordered))).isTrue();

        try (Admin admin = Admin.create(TestKafka.clientConfig())) {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(existing, plain, compacted, ordered))
                    .allTopicNames().get();
            assertThat(described.get(existing).partitions()).hasSize(2);
            assertThat(described.get(plain).partitions()).hasSize(3);
            assertThat(described.get(compacted).partitions()).hasSize(3);
            assertThat(described.get(ordered).partitions()).hasSize(1);
            assertThat(cleanupPolicy(admin, compacted)).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(cleanupPolicy(admin, plain)).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
        assertThat(topics.createMissing(Set.of(plain, compacted))).as("all there already").isTrue();
    }

    private static String cleanupPolicy(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }

    private TopicsConfig settings() {
        return new TopicsConfig() {
            @Override
            public int partitions() {
                return 3;
            }

            @Override
            public short replicationFactor() {
                return 1;
            }

            @Override
            public Optional<Set<String>> compacted() {
                return Optional.of(Set.of(compacted));
            }

            @Override
            public Optional<Set<String>> singlePartition() {
                return Optional.of(Set.of(ordered));
            }
        };
    }
}
