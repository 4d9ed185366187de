package dev.newsalerts.poller.messaging;

import static dev.newsalerts.poller.FeedServerResource.item;
import static dev.newsalerts.poller.FeedServerResource.rss;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.poller.FeedServerResource;
import dev.newsalerts.poller.app.FeedPoller;
import dev.newsalerts.poller.domain.StoryIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(FeedServerResource.class)
class FeedPollingTest {

    @Inject
    FeedPoller poller;

    @Inject
    ObjectMapper mapper;

    @Inject
    FeedStateStore stateStore;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The feed list holds the test feed twice, under two URLs: every story is in two feeds. */
    @Test
    void eachItemIsPublishedOnceHoweverOftenAndFromHowManyFeedsItIsPolled() throws Exception {
        FeedServerResource.serve(rss(item("once-b", "Second story"), item("once-a", "First story")));
        poller.pollAll();
        poller.pollAll();
        FeedServerResource.serve(rss(item("once-c", "Third story"), item("once-b", "Second story, edited"),
                item("once-a", "First story")));
        poller.pollAll();

        List<String> titles = storiesWithLinksContaining("/once-").stream().map(story -> story.get("title").asText()).toList();
        assertThat(titles).containsExactly("First story", "Second story", "Third story");
    }

    @Test
    void anUnchangedFeedIsAnsweredWithNotModified() {
        FeedServerResource.serve(rss(item("etag-a", "Unchanged story")));
        poller.pollAll();
        int before = FeedServerResource.notModifiedAnswers();

        poller.pollAll();

        assertThat(FeedServerResource.notModifiedAnswers()).isEqualTo(before + 2);
    }

    @Test
    void theSeenStoriesAreKeptInKafkaForTheNextStart() throws Exception {
        FeedServerResource.serve(rss(item("state-a", "Remembered story")));
        poller.pollAll();

        List<ConsumerRecord<String, String>> states = TopicContents.readAll(bootstrapServers, Topics.FEED_STATE);
        JsonNode latest = mapper.readTree(states.stream()
                .filter(record -> record.key().equals(FeedServerResource.feedUrl())).reduce((a, b) -> b).orElseThrow().value());
        String storyId = storiesWithLinksContaining("/state-a").get(0).get("storyId").asText();
        assertThat(latest.get("seenStoryIds")).extracting(JsonNode::asText).contains(storyId);
    }

    @Test
    void aStoryPublishedByAPollKilledBeforeItSavedItsStateIsNotPublishedAgainByTheInstanceTakingOver() throws Exception {
        String slug = "orphan-" + UUID.randomUUID();
        String storyId = StoryIds.ofLink("https://news.example.com/" + slug);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.STORIES, storyId, "{\"storyId\":\"" + storyId + "\"}")).get();
        }

        stateStore.claimPublishedSince(Instant.now().minusSeconds(60), Duration.ofSeconds(30)); // as on an assignment
        FeedServerResource.serve(rss(item(slug, "Published just before a crash")));
        poller.pollAll();

        assertThat(TopicContents.readAll(bootstrapServers, Topics.STORIES)).filteredOn(record -> storyId.equals(record.key())).hasSize(1);
    }

    @Test
    void theFeedStateTopicIsCompactedSoItKeepsTheLatestStateOfEveryFeed() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEED_STATE);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void theFeedsEndpointShowsTheLastPoll() {
        FeedServerResource.serve("this is not a feed");
        poller.pollAll();

        given().get("/feeds").then().statusCode(200)
                .body("url", hasItem(FeedServerResource.feedUrl()))
                .body("find { it.url == '%s' }.lastError".formatted(FeedServerResource.feedUrl()),
                        containsString("not a valid RSS or Atom feed"))
                .body("find { it.url == '%s' }.consecutiveFailures".formatted(FeedServerResource.feedUrl()), greaterThan(0));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aFeedAnswering500TwiceRecoversOnTheNextGoodPollAndKeepsItsLastError() {
        FeedServerResource.serve(rss(item("healthy-a", "Healthy")));
        poller.pollAll();
        FeedServerResource.failWith(500);
        poller.pollAll();
        poller.pollAll();
        given().get("/feeds").then().statusCode(200)
                .body(feed("lastError"), equalTo("HTTP status 500"))
                .body(feed("consecutiveFailures"), equalTo(2));

        FeedServerResource.serve(rss(item("recovered-a", "Back again")));
        poller.pollAll();

        given().get("/feeds").then().statusCode(200)
                .body(feed("consecutiveFailures"), equalTo(0))
                .body(feed("lastError"), equalTo("HTTP status 500"))
                .body(feed("lastSuccessAt"), notNullValue())
                .body(feed("itemsSeen"), greaterThan(0))
                .body(feed("notModifiedShare"), notNullValue());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("poller_polls_total{outcome=\"error\",reason=\"http_status\"}"))
                .body(containsString("poller_polls_total{outcome=\"ok\",reason=\"none\"}"))
                .body(containsString("poller_feeds_failing"));
    }

    @Test
    void aRetryAfterPutsTheNextPollNoSoonerThanTheServerAsked() {
        Instant before = Instant.now();
        FeedServerResource.failWith(429, "Retry-After", "7200");
        poller.pollAll();

        String next = given().get("/feeds").then().statusCode(200)
                .body(feed("lastError"), startsWith("HTTP status 429, asked to retry after"))
                .extract().path(feed("nextPollAt"));
        assertThat(Instant.parse(next)).isAfterOrEqualTo(before.plusSeconds(7200));
        FeedServerResource.serve(rss(item("retry-a", "After the wait")));
    }

    private static String feed(String field) {
        return "find { it.url == '%s' }.%s".formatted(FeedServerResource.feedUrl(), field);
    }

    private List<JsonNode> storiesWithLinksContaining(String fragment) throws Exception {
        List<JsonNode> stories = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicContents.readAll(bootstrapServers, Topics.STORIES)) {
            JsonNode story = mapper.readTree(record.value());
            if (story.path("link").asText().contains(fragment)) {
                assertThat(record.key()).isEqualTo(story.get("storyId").asText());
                stories.add(story);
            }
        }
        return stories;
    }
}
