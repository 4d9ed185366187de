package dev.newsalerts.classifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.newsalerts.classifier.domain.Alert;
import dev.newsalerts.classifier.domain.AlertIds;
import dev.newsalerts.classifier.domain.RuleMatch;
import dev.newsalerts.classifier.domain.RuleSet;
import dev.newsalerts.classifier.domain.StoryText;
import dev.newsalerts.classifier.domain.cluster.AlertCluster;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the classifier's contracts: the alerts it writes match its own schema, and what it
 * reads of a story is what feed-poller's story schema promises.
 */
class AlertContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Path STORY_SCHEMA = Path.of("../feed-poller/src/main/resources/schemas/story.schema.json");

    @Test
    void publishedAlertsMatchTheSchema() throws Exception {
        Alert alert = alertOfTheExampleStory();

        assertThat(alert.matches()).isNotEmpty();
        assertThat(alertSchema().validate(MAPPER.valueToTree(alert))).isEmpty();
        assertThat(alertSchema().validate(alertSchemaNode().get("examples").get(0))).isEmpty();
    }

    @Test
    void clusteredAlertsMatchTheSchemaOfVersionTwo() throws Exception {
        Alert alert = alertOfTheExampleStory();
        AlertCluster cluster = new AlertCluster("head-story", "head-story", false, 0.62,
                new TreeSet<>(Set.of("ms-openai-amazon-dispute")), 3, "joined head-story at similarity 0.62");

        JsonNode clustered = ClusterStage.withCluster(MAPPER.valueToTree(alert), cluster, MAPPER);

        assertThat(alertSchema().validate(clustered)).isEmpty();
        assertThat(clustered.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(clustered.at("/cluster/headRules/0").asText()).isEqualTo("ms-openai-amazon-dispute");
    }

    /** The alert the bundled rules make of the story schema's example. */
    private Alert alertOfTheExampleStory() throws Exception {
        JsonNode story = storySchema().get("examples").get(0);
        RuleSet rules;
        try (InputStream in = getClass().getResourceAsStream("/rules.yaml")) {
            rules = RuleSet.compile(in.readAllBytes(), "rules.yaml");
        }
        StoryText text = MAPPER.treeToValue(story, StoryText.class);
        Alert alert = new Alert(Alert.SCHEMA_VERSION, AlertIds.of(text.storyId(), rules.version()), story,
                rules.classify(text.title(), text.summary()), rules.version(), Instant.now());
        return alert;
    }

    @Test
    void alertsOfScopedRulesSayWhereTheyHeldAndMatchTheSchema() throws Exception {
        RuleSet rules = RuleSet.compile("""
                groups: {microsoft: [Microsoft], openai: [OpenAI], dispute: [sue~]}
                rules:
                  - {id: sentence, within: sentence, all: [microsoft, openai, dispute]}
                  - {id: near, near: {words: 5}, all: [microsoft, openai]}
                """.getBytes(StandardCharsets.UTF_8), "scoped.yaml");
        JsonNode story = storySchema().get("examples").get(0);
        List<RuleMatch> matches = rules.classify("Microsoft sues OpenAI", "");
        Alert alert = new Alert(Alert.SCHEMA_VERSION, AlertIds.of("s1", rules.version()), story, matches, rules.version(), Instant.now());

        JsonNode json = MAPPER.valueToTree(alert);
        assertThat(alertSchema().validate(json)).isEmpty();
        assertThat(json.at("/matches/0/within/scope").asText()).isEqualTo("sentence");
        assertThat(json.at("/matches/1/within/scope").asText()).isEqualTo("near");
    }

    @Test
    void alertsOfRulesThatNameContentSayTheTermsAreInTheContentAndMatchTheSchema() throws Exception {
        RuleSet rules = RuleSet.compile("""
                groups: {microsoft: [Microsoft], openai: [OpenAI], dispute: [sue~]}
                rules:
                  - {id: article, fields: [title, summary, content], within: sentence, all: [microsoft, openai, dispute]}
                """.getBytes(StandardCharsets.UTF_8), "content.yaml");
        ObjectNode story = (ObjectNode) storySchema().get("examples").get(0).deepCopy();
        story.put("content", "The deal was signed last year. Microsoft says it will sue OpenAI.");
        StoryText text = MAPPER.treeToValue(story, StoryText.class);
        List<RuleMatch> matches = rules.classify(text.title(), text.summary(), text.content());
        Alert alert = new Alert(Alert.SCHEMA_VERSION, AlertIds.of(text.storyId(), rules.version()), story, matches, rules.version(),
                Instant.now());

        JsonNode json = MAPPER.valueToTree(alert);
        assertThat(alertSchema().validate(json)).isEmpty();
        assertThat(json.at("/matches/0/within/field").asText()).isEqualTo("content");
        assertThat(json.at("/matches/0/terms").findValuesAsText("field")).contains("title", "summary", "content");
        assertThat(json.at("/story/content").asText()).as("the story goes on as received").startsWith("The deal was signed");
    }

    @Test
    void everyStoryFieldTheClassifierReadsIsOneTheProducerPromises() throws Exception {
        JsonNode schema = storySchema();
        JsonNode properties = schema.get("properties");
        Arrays.stream(StoryText.class.getRecordComponents()).forEach(component ->
                assertThat(properties.has(component.getName())).as("story schema declares " + component.getName()).isTrue());
        StoryText text = MAPPER.treeToValue(schema.get("examples").get(0), StoryText.class);
        assertThat(text.storyId()).isNotBlank();
        assertThat(text.title()).isNotBlank();
        assertThat(text.summary()).isNotBlank();
        assertThat(schema.get("required")).extracting(JsonNode::asText).contains("storyId", "title", "summary");
    }

    private static JsonNode storySchema() throws Exception {
        return MAPPER.readTree(Files.readString(STORY_SCHEMA));
    }

    private static JsonNode alertSchemaNode() throws Exception {
        try (InputStream in = AlertContractTest.class.getResourceAsStream("/schemas/alert.schema.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonSchema alertSchema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(alertSchemaNode());
    }
}
