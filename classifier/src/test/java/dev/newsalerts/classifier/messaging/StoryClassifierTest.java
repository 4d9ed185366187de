package dev.newsalerts.classifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
class StoryClassifierTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    KafkaCompanion companion;

    @BeforeEach
    void connect() {
        companion = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        companion.close();
    }

    @Test
    void aMatchingStoryBecomesAnAlertThatSaysWhy() throws Exception {
        String storyId = newStoryId();
        publish(storyId, story(storyId, "微軟考慮就 OpenAI 與亞馬遜的獨家協議提起訴訟", "摘要"));

        JsonNode alert = mapper.readTree(await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.ALERTS, storyId), records -> !records.isEmpty()).get(0).value());

        assertThat(alert.get("story").get("storyId").asText()).isEqualTo(storyId);
        assertThat(alert.get("story").get("feedUrl").asText()).isEqualTo("https://news.example.com/feed.xml");
        assertThat(alert.get("alertId").asText()).hasSize(32);
        JsonNode match = alert.get("matches").get(0);
        assertThat(match.get("ruleId").asText()).isEqualTo("ms-openai-amazon-dispute");
        assertThat(match.get("terms").findValuesAsText("term")).contains("微软", "OpenAI", "亚马逊", "独家");
    }

    @Test
    void aStoryThatMatchesNothingMakesNoAlert() throws Exception {
        String unrelatedId = newStoryId();
        String matchingId = newStoryId();
        publish(unrelatedId, story(unrelatedId, "Apple unveils new iPhone colours", "Available in spring."));
        publish(matchingId, story(matchingId, "阿里云宣布云服务器涨价", ""));

        // Stories of one key are processed in order, and the matching one came after: once its alert is there, the other was done.
        await().atMost(Duration.ofSeconds(30)).until(() -> !recordsWithKey(Topics.ALERTS, matchingId).isEmpty());
        assertThat(recordsWithKey(Topics.ALERTS, unrelatedId)).isEmpty();
    }

    @Test
    void anUnreadableStoryGoesToTheDeadLetterTopicWithTheReasonAndTheNextIsStillClassified() {
        String brokenKey = newStoryId();
        String nextId = newStoryId();
        publish(brokenKey, "{ this is not json");
        publish(nextId, story(nextId, "AWS raises prices for EC2 GPU instances", ""));

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.STORIES_DLQ, brokenKey), records -> !records.isEmpty());
        Header reason = dead.get(0).headers().lastHeader("dead-letter-reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not JSON");
        await().atMost(Duration.ofSeconds(30)).until(() -> !recordsWithKey(Topics.ALERTS, nextId).isEmpty());
    }

    @Test
    void anOversizedStoryGoesToTheDeadLetterTopicSayingSo() {
        String key = newStoryId();
        publish(key, story(key, "AWS raises prices", "x".repeat(300_000)));

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.STORIES_DLQ, key), records -> !records.isEmpty());
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("exceeds the limit of 262144");
        assertThat(recordsWithKey(Topics.ALERTS, key)).isEmpty();
    }

    @Test
    void aStoryFarOverTheLimitIsParkedAsSentAndTheNextIsStillClassified() {
        String key = newStoryId();
        String nextId = newStoryId();
        String huge = story(key, "AWS raises prices", "x".repeat(600_000));
        publish(key, huge);
        publish(nextId, story(nextId, "AWS raises prices for EC2 GPU instances", ""));

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.STORIES_DLQ, key), records -> !records.isEmpty());
        assertThat(dead.get(0).value()).isEqualTo(huge);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("exceeds the limit of 262144");
        await().atMost(Duration.ofSeconds(30)).until(() -> !recordsWithKey(Topics.ALERTS, nextId).isEmpty());
    }

    @Test
    void aRecordWithoutAValueGoesToTheDeadLetterTopicSayingSo() {
        String key = newStoryId();
        publish(key, null);

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.STORIES_DLQ, key), records -> !records.isEmpty());
        assertThat(dead.get(0).value()).isNull();
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isEqualTo("empty record");
    }

    private void publish(String key, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.STORIES, key, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    private List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        return TopicContents.readAll(bootstrapServers, topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    private String story(String storyId, String title, String summary) {
        return mapper.createObjectNode()
                .put("schemaVersion", 1).put("storyId", storyId).put("feedUrl", "https://news.example.com/feed.xml")
                .put("title", title).put("summary", summary).put("fetchedAt", "2026-03-18T09:31:05Z")
                .toString();
    }

    private static String newStoryId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
