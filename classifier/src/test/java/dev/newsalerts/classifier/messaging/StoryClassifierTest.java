package dev.newsalerts.classifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.classifier.domain.cluster.ClusterCandidate;
import dev.newsalerts.classifier.domain.cluster.ClusterMember;
import dev.newsalerts.classifier.domain.cluster.StoryClusters;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import io.quarkus.test.common.WithTestResource;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
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

    @Inject
    @Identifier(ClusterHandover.NAME)
    ClusterHandover handover;

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

    @Test
    void oneEventReportedByThreeOutletsIsOneClusterAndAnotherEventOfTheSameDisputeIsNot() throws Exception {
        String wire = newStoryId();
        String republished = newStoryId();
        String rewritten = newStoryId();
        String ruling = newStoryId();
        String lead = "Microsoft is considering suing OpenAI and Amazon, arguing that a $50 billion agreement to run"
                + " OpenAI models on AWS breaks the exclusive Azure terms of their partnership, people familiar with the matter said.";

        JsonNode first = alertAfterPublishing(wire, story(wire, "Microsoft weighs legal action over OpenAI's $50 billion"
                + " Amazon cloud deal", lead, "https://wire.example.com/2026/03/18/microsoft-openai"));
        JsonNode second = alertAfterPublishing(republished, story(republished, "Microsoft weighs legal action over OpenAI's"
                + " $50 billion Amazon cloud deal", lead + " The companies declined to comment.",
                "https://www.daily.example.org/business/microsoft-openai-amazon"));
        JsonNode third = alertAfterPublishing(rewritten, story(rewritten, "Microsoft mulls suing OpenAI over $50 billion AWS deal",
                "Microsoft may take OpenAI and Amazon to court, people familiar with the matter say, claiming the $50 billion"
                        + " agreement to serve OpenAI models from AWS breaks the Azure exclusivity in their partnership.",
                "https://tech.example.net/microsoft-openai-aws"));
        JsonNode other = alertAfterPublishing(ruling, story(ruling, "Judge refuses Microsoft's bid to halt OpenAI's Amazon deal",
                "A federal judge in Seattle turned down Microsoft's request for an injunction against OpenAI's cloud agreement"
                        + " with Amazon Web Services, saying the exclusivity dispute belongs in arbitration.",
                "https://wire.example.com/2026/05/02/judge-microsoft-openai"));

        assertThat(List.of(first, second, third)).allSatisfy(alert -> {
            assertThat(alert.get("schemaVersion").asInt()).isEqualTo(2);
            assertThat(alert.at("/cluster/clusterId").asText()).isEqualTo(wire);
            assertThat(alert.at("/cluster/headRules/0").asText()).isEqualTo("ms-openai-amazon-dispute");
        });
        assertThat(List.of(first, second, third)).extracting(alert -> alert.at("/cluster/head").asBoolean())
                .containsExactly(true, false, false);
        assertThat(List.of(first, second, third)).extracting(alert -> alert.at("/cluster/outlets").asInt())
                .as("wire.example.com, daily.example.org, tech.example.net").containsExactly(1, 2, 3);
        assertThat(third.at("/cluster/explanation").asText()).contains(wire);
        assertThat(other.at("/cluster/head").asBoolean()).as("a later ruling in the dispute is another event").isTrue();

        JsonNode kept = mapper.readTree(recordsWithKey(Topics.CLUSTERS, rewritten).get(0).value());
        assertThat(kept.get("clusterId").asText()).isEqualTo(wire);
        assertThat(kept.get("outlet").asText()).isEqualTo("tech.example.net");
        given().get("/clusters/" + rewritten).then().statusCode(200)
                .body("clusterId", equalTo(wire)).body("outlets", equalTo(3))
                .body("stories.outlet", contains("wire.example.com", "daily.example.org", "tech.example.net"))
                .body("stories.head", contains(true, false, false));
        given().get("/clusters/" + newStoryId()).then().statusCode(404);
    }

    @Test
    void simplifiedAndTraditionalCopiesOfAStoryAreOneCluster() throws Exception {
        String simplified = newStoryId();
        String traditional = newStoryId();

        JsonNode first = alertAfterPublishing(simplified, story(simplified, "阿里云宣布下月起部分云服务器涨价百分之二十",
                "阿里云表示，受存储芯片成本上涨影响，部分云服务器和云盘产品将自下月起上调价格，涨幅最高约百分之二十。",
                "https://cn.example.com/news/aliyun"));
        JsonNode copy = alertAfterPublishing(traditional, story(traditional, "阿里雲宣布下月起部分雲伺服器漲價百分之二十",
                "阿里雲表示，受存儲晶片成本上漲影響，部分雲伺服器和雲盤產品將自下月起上調價格，漲幅最高約百分之二十。",
                "https://hk.example.com/tech/aliyun"));

        assertThat(first.at("/cluster/head").asBoolean()).isTrue();
        assertThat(copy.at("/cluster/clusterId").asText()).isEqualTo(simplified);
        assertThat(copy.at("/cluster/outlets").asInt()).isEqualTo(2);
    }

    @Test
    void anInstanceTakingTheClusteringOverJoinsACopyToTheClusterItsPredecessorStarted() throws Exception {
        String original = newStoryId();
        String copy = newStoryId();
        String title = "Hetzner raises cloud server prices by up to 30% from April";
        String lead = "The German host blames memory and storage costs and says the new prices apply to new and existing servers.";
        // The predecessor placed the original and stopped before this instance saw it: only the topic has it.
        ClusterMember placedElsewhere = new StoryClusters(Duration.ofHours(72)).place(new ClusterCandidate(original, title, lead,
                "https://wire.example.com/hetzner", "https://wire.example.com/feed.xml", Set.of("cloud-pricing")), Instant.now());
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.CLUSTERS, original,
                mapper.writeValueAsString(placedElsewhere))).awaitCompletion(Duration.ofSeconds(30));

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            handover.onPartitionsAssigned(consumer, List.of(new TopicPartition(Topics.MATCHES, 0)));
        }
        JsonNode alert = alertAfterPublishing(copy, story(copy, title, lead, "https://daily.example.org/hetzner-prices"));

        assertThat(alert.at("/cluster/head").asBoolean()).isFalse();
        assertThat(alert.at("/cluster/clusterId").asText()).isEqualTo(original);
        assertThat(alert.at("/cluster/outlets").asInt()).isEqualTo(2);
    }

    @Test
    void aMatchThatIsNotAnAlertGoesToTheDeadLetterTopicAndTheNextIsStillClustered() throws Exception {
        String broken = newStoryId();
        String nextId = newStoryId();
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.MATCHES, broken, "{\"story\": {}}"))
                .awaitCompletion(Duration.ofSeconds(30));

        JsonNode next = alertAfterPublishing(nextId, story(nextId, "Google Cloud raises prices for Cloud Storage", "", null));

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.MATCHES_DLQ, broken), records -> !records.isEmpty());
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("story.storyId");
        assertThat(next.at("/cluster/clusterId").isTextual()).isTrue();
    }

    @Test
    void theRulesInForceArePublishedForTheNotifier() throws Exception {
        List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.RULES, "catalogue"), records -> !records.isEmpty());

        JsonNode catalogue = mapper.readTree(published.get(published.size() - 1).value());
        assertThat(catalogue.get("rulesVersion").asText()).isNotBlank();
        assertThat(catalogue.get("rules").findValuesAsText("id")).contains("ms-openai-amazon-dispute", "cloud-pricing");
        assertThat(catalogue.at("/rules/0/title").asText()).isNotBlank();
        assertThat(catalogue.at("/rules/0/groups").size()).isPositive();
    }

    @Test
    void theBundledRulesDoNotAlertOnAStorysContentAndAnAlertCarriesTheContentOn() throws Exception {
        String teaserId = newStoryId();
        String pricingId = newStoryId();
        String article = "Microsoft threatens to sue OpenAI and Amazon over their exclusive cloud contract.";
        publish(teaserId, withContent(story(teaserId, "Cloud deals under scrutiny", "Read the full story."), article));
        JsonNode alert = alertAfterPublishing(pricingId,
                withContent(story(pricingId, "AWS raises prices for EC2 GPU instances", ""), "The full article. " + article));

        assertThat(alert.at("/matches/0/ruleId").asText()).isEqualTo("cloud-pricing");
        assertThat(alert.at("/matches/0/terms").findValuesAsText("field")).containsOnly("title");
        assertThat(alert.at("/story/content").asText()).isEqualTo("The full article. " + article);
        assertThat(recordsWithKey(Topics.ALERTS, teaserId)).as("the dispute is in its content only").isEmpty();
    }

    private String withContent(String story, String content) throws Exception {
        return ((ObjectNode) mapper.readTree(story)).put("content", content).toString();
    }

    private JsonNode alertAfterPublishing(String storyId, String story) throws Exception {
        publish(storyId, story);
        return mapper.readTree(await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.ALERTS, storyId), records -> !records.isEmpty()).get(0).value());
    }

    private void publish(String key, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.STORIES, key, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    private List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        return TopicContents.readAll(bootstrapServers, topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    private String story(String storyId, String title, String summary) {
        return story(storyId, title, summary, null);
    }

    private String story(String storyId, String title, String summary, String link) {
        ObjectNode story = mapper.createObjectNode()
                .put("schemaVersion", 1).put("storyId", storyId).put("feedUrl", "https://news.example.com/feed.xml")
                .put("title", title).put("summary", summary).put("fetchedAt", "2026-03-18T09:31:05Z");
        return (link == null ? story : story.put("link", link)).toString();
    }

    private static String newStoryId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
