package dev.newsalerts.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Everything the notifier reads of an alert is what classifier's alert schema (and feed-poller's story schema) promise. */
class AlertReaderContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Path ALERT_SCHEMA = Path.of("../classifier/src/main/resources/schemas/alert.schema.json");
    private static final Path STORY_SCHEMA = Path.of("../feed-poller/src/main/resources/schemas/story.schema.json");

    @Test
    void everyFieldTheNotifierReadsIsDeclaredByItsProducer() throws Exception {
        JsonNode alert = MAPPER.readTree(Files.readString(ALERT_SCHEMA));
        JsonNode story = MAPPER.readTree(Files.readString(STORY_SCHEMA));
        JsonNode match = alert.at("/properties/matches/items");

        assertDeclares(alert, Alert.class);
        assertDeclares(story, Alert.Story.class);
        assertDeclares(match, Alert.Match.class);
        assertDeclares(match.at("/properties/terms/items"), Alert.Term.class);
        assertDeclares(alert.at("/properties/cluster"), Alert.Cluster.class);
    }

    @Test
    void theProducersExampleReadsCompletely() throws Exception {
        JsonNode example = MAPPER.readTree(Files.readString(ALERT_SCHEMA)).get("examples").get(0);

        Alert alert = MAPPER.treeToValue(example, Alert.class);

        assertThat(alert.alertId()).isNotBlank();
        assertThat(alert.story().title()).isNotBlank();
        assertThat(alert.story().link()).isNotBlank();
        assertThat(alert.matches()).isNotEmpty();
        assertThat(alert.matches().get(0).ruleTitle()).isNotBlank();
        assertThat(alert.matches().get(0).terms().get(0).field()).isEqualTo("title");
    }

    /** A rule that names the story's content (a fullText feed's article) reports terms found there: such an alert reads whole. */
    @Test
    void anAlertWhoseTermsAreInTheStorysContentReads() throws Exception {
        JsonNode schema = MAPPER.readTree(Files.readString(ALERT_SCHEMA));
        assertThat(schema.at("/properties/matches/items/properties/terms/items/properties/field/enum"))
                .extracting(JsonNode::asText).contains("title", "summary", "content");
        ObjectNode example = (ObjectNode) schema.get("examples").get(0).deepCopy();
        ((ObjectNode) example.get("story")).put("content", "Microsoft said it would sue OpenAI over the deal.");
        ((ObjectNode) example.at("/matches/0/terms/1")).put("term", "sue~").put("field", "content").put("start", 24).put("end", 27);
        ((ObjectNode) example.at("/matches/0")).putObject("within").put("scope", "sentence").put("field", "content")
                .put("start", 0).put("end", 49);

        Alert alert = MAPPER.treeToValue(example, Alert.class);

        assertThat(alert.matches().get(0).terms()).extracting(Alert.Term::field).containsExactly("title", "content");
        assertThat(alert.story().title()).isNotBlank();
    }

    private static void assertDeclares(JsonNode schema, Class<? extends Record> reader) {
        Arrays.stream(reader.getRecordComponents()).forEach(component -> assertThat(schema.get("properties").has(component.getName()))
                .as("%s declares %s", schema.path("title").asText(reader.getSimpleName()), component.getName()).isTrue());
    }
}
