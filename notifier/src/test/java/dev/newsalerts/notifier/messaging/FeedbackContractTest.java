package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Feedback;
import dev.newsalerts.notifier.domain.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the notifier writes to news.feedback is what its schema, which the classifier reads by, promises. */
class FeedbackContractTest {

    /** As Quarkus configures the service's mapper: ISO-8601 times. */
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Path SCHEMA = Path.of("src/main/resources/schemas/feedback.schema.json");

    @Test
    void aVerdictFromTheConsoleMatchesTheSchema() throws Exception {
        Alert alert = MAPPER.treeToValue(TestAlerts.alert("Microsoft weighs legal action"), Alert.class);

        JsonNode json = MAPPER.valueToTree(Feedback.of(alert, Verdict.RELEVANT, Feedback.Via.CONSOLE, null, Instant.now()));

        assertThat(schema().validate(json)).isEmpty();
        assertThat(json.path("via").asText()).isEqualTo("console");
        assertThat(json.has("subscriptionId")).isFalse();
        assertThat(json.at("/story/title").asText()).isEqualTo("Microsoft weighs legal action");
        assertThat(json.path("ruleIds")).extracting(JsonNode::asText).containsExactly("ms-openai-amazon-dispute");
    }

    @Test
    void aVerdictFromALinkMatchesTheSchemaAndNamesTheSubscription() throws Exception {
        Alert alert = MAPPER.treeToValue(TestAlerts.alert("Amazon answers"), Alert.class);

        JsonNode json = MAPPER.valueToTree(Feedback.of(alert, Verdict.NOT_RELEVANT, Feedback.Via.LINK, "sub-1", Instant.now()));

        assertThat(schema().validate(json)).isEmpty();
        assertThat(json.path("verdict").asText()).isEqualTo("not-relevant");
        assertThat(json.path("subscriptionId").asText()).isEqualTo("sub-1");
    }

    @Test
    void aStoryWithoutSummaryLanguageOrLinkStillMatches() throws Exception {
        Alert full = MAPPER.treeToValue(TestAlerts.alert("Bare story"), Alert.class);
        Alert bare = new Alert(full.alertId(), new Alert.Story(full.story().storyId(), null, null, null, "Bare story", null,
                null, null), full.matches(), full.rulesVersion(), full.classifiedAt());

        JsonNode json = MAPPER.valueToTree(Feedback.of(bare, Verdict.RELEVANT, Feedback.Via.CONSOLE, null, Instant.now()));

        assertThat(schema().validate(json)).isEmpty();
    }

    @Test
    void theSchemasExampleReadsBackAsAFeedback() throws Exception {
        JsonNode example = MAPPER.readTree(Files.readString(SCHEMA)).get("examples").get(0);

        assertThat(MAPPER.valueToTree(MAPPER.treeToValue(example, Feedback.class)).equals(example)).isTrue();
    }

    static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(Files.readString(SCHEMA)));
    }
}
