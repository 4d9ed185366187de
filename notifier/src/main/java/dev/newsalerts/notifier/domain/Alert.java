package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What the notifier reads of an {@code Alert} (owned by classifier,
 * {@code classifier/src/main/resources/schemas/alert.schema.json}); unknown fields are ignored and
 * webhooks receive the alert exactly as published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(String alertId, Story story, List<Match> matches, String rulesVersion, Instant classifiedAt,
        Cluster cluster) {

    public Alert(String alertId, Story story, List<Match> matches, String rulesVersion, Instant classifiedAt) {
        this(alertId, story, matches, rulesVersion, classifiedAt, null);
    }

    /** The same alert reporting only some of its matches (those a subscription wants). */
    public Alert withMatches(List<Match> wanted) {
        return new Alert(alertId, story, wanted, rulesVersion, classifiedAt, cluster);
    }

    /** Whether this story is the first of its event: an alert of schema version 1 has no cluster and is its own. */
    public boolean firstOfCluster() {
        return cluster == null || cluster.head();
    }

    /**
     * The event this story reports, as the classifier decided (schema version 2; absent before).
     *
     * @param clusterId the same for every story of the event
     * @param headRules the rules the cluster's first story matched
     * @param outlets how many outlets have reported the event, this one included
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cluster(String clusterId, String headStoryId, boolean head, double similarity, List<String> headRules,
            int outlets, String explanation) {

        public Cluster {
            headRules = headRules == null ? List.of() : List.copyOf(headRules);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Story(String storyId, String feedUrl, String feedTitle, String link, String title, String summary,
            String language, Instant publishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String ruleId, String ruleTitle, double score, List<Term> terms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Term(String term, String field, int start, int end) {
    }
}
