package dev.newsalerts.notifier.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The feedback schema, to check what the tests find on news.feedback. */
final class FeedbackContractSchema {

    private static final Path SCHEMA = Path.of("src/main/resources/schemas/feedback.schema.json");

    private FeedbackContractSchema() {
    }

    static Set<ValidationMessage> validate(JsonNode feedback) {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new ObjectMapper().readTree(Files.readString(SCHEMA))).validate(feedback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
