package dev.newsalerts.classifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.classifier.domain.Judgement;
import dev.newsalerts.classifier.domain.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The classifier reads what the notifier's feedback contract (feedback.schema.json) promises, and nothing unreadable gets through. */
class FeedbackReaderTest {

    private static final Path FEEDBACK_SCHEMA = Path.of("../notifier/src/main/resources/schemas/feedback.schema.json");

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedbackReader reader = new FeedbackReader(mapper, registry);

    @Test
    void theSchemasExampleIsReadWithEveryFieldTheScoringNeeds() throws Exception {
        JsonNode example = mapper.readTree(Files.readString(FEEDBACK_SCHEMA)).get("examples").get(0);

        Judgement judgement = reader.read(example.toString());

        assertThat(judgement.alertId()).isEqualTo(example.get("alertId").asText());
        assertThat(judgement.ruleIds()).containsExactly("ms-openai-amazon-dispute");
        assertThat(judgement.verdict()).isEqualTo(Verdict.RELEVANT);
        assertThat(judgement.judgedAt()).isEqualTo(Instant.parse("2026-03-18T10:02:11Z"));
        assertThat(judgement.story().title()).startsWith("Microsoft weighs legal action");
        assertThat(judgement.story().summary()).contains("Azure");
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() throws Exception {
        ObjectNode example = (ObjectNode) mapper.readTree(Files.readString(FEEDBACK_SCHEMA)).get("examples").get(0);
        example.put("schemaVersion", 2).put("mood", "cheerful");
        ((ObjectNode) example.get("story")).put("imageUrl", "https://example.com/i.png");

        assertThat(reader.read(example.toString()).verdict()).isEqualTo(Verdict.RELEVANT);
    }

    @Test
    void anUnreadableRecordIsRefusedAndCountedWithoutQuotingItsContent() throws Exception {
        ObjectNode unknownVerdict = (ObjectNode) mapper.readTree(Files.readString(FEEDBACK_SCHEMA)).get("examples").get(0);
        unknownVerdict.put("verdict", "meh-secret");

        assertThatThrownBy(() -> reader.read("{not json secret-words"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> reader.read(unknownVerdict.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("verdict").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> reader.read("{\"alertId\": \"secret-id\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThat(registry.get("classifier.feedback.unreadable").counter().count()).isEqualTo(3.0);
    }
}
