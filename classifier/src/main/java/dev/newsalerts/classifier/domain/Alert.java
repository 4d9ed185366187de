package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An alert as published on {@code news.alerts}, keyed by story id. The contract is
 * {@code schemas/alert.schema.json}.
 *
 * @param alertId the same for the same story under the same rules version
 * @param story the story exactly as received from {@code news.stories}
 */
public record Alert(int schemaVersion, String alertId, JsonNode story, List<RuleMatch> matches, String rulesVersion,
        Instant classifiedAt) {

    public static final int SCHEMA_VERSION = 1;
}
