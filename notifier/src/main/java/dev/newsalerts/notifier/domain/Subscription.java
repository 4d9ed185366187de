package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who wants which alerts, and where: a webhook URL or an email address. Kept in the compacted
 * {@code news.subscriptions} topic (key: {@link #id}) or declared in configuration.
 *
 * @param rules the rule ids wanted; empty for all rules
 * @param minScore the lowest match score wanted; null for any
 * @param language the story language wanted ({@code en} also takes {@code en-GB}); null for any.
 *        A story whose language is unknown is delivered: better an extra alert than a lost one.
 * @param format webhooks only
 * @param secret webhooks only: the Standard Webhooks signing secret ({@code whsec_…})
 * @param disabledReason why the notifier disabled it, when it did
 * @param origin {@code api} or {@code config}; configured ones cannot be changed through the API
 * @param digest email only: alerts are gathered and sent as one mail per window of this length
 *        ({@link DigestWindow}, such as {@code 1h}); null to send each at once
 * @param clusters which stories of one event it receives; null in a subscription stored before
 *        clusters existed, which keeps receiving each ({@link ClusterMode#STORED_BEFORE_CLUSTERS})
 * @param updateAfter {@code first+updates}: the outlets a cluster grows by before the one update
 * @param previousSecret webhooks: the secret before the last rotation, still signed with until
 *        {@code previousSecretUntil}; null when there was no rotation (or in a subscription stored before rotations)
 * @param previousSecretUntil when the previous secret stops being signed with
 * @param secretRotatedAt when the secret was last rotated; null when never
 * @param contact an email address told when the notifier disables this subscription; null for nobody
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscription(String id, String name, Channel channel, String target, List<String> rules,
        Double minScore, String language, WebhookFormat format, String secret, boolean enabled,
        String disabledReason, String origin, Instant createdAt, Instant updatedAt, String digest, ClusterMode clusters,
        Integer updateAfter, String previousSecret, Instant previousSecretUntil, Instant secretRotatedAt, String contact) {

    public static final String ORIGIN_API = "api";
    public static final String ORIGIN_CONFIG = "config";

    public Subscription {
        rules = rules == null ? List.of() : List.copyOf(rules);
        clusters = clusters == null ? ClusterMode.STORED_BEFORE_CLUSTERS : clusters;
        updateAfter = updateAfter == null ? ClusterMode.DEFAULT_UPDATE_AFTER : updateAfter;
    }

    /** The matches of an alert this subscription wants; empty when it wants none of them or not this story. */
    public List<Alert.Match> wanted(Alert alert) {
        if (!enabled || !wantsLanguage(alert.story().language())) {
            return List.of();
        }
        List<Alert.Match> wanted = alert.matches().stream()
                .filter(match -> rules.isEmpty() || rules.contains(match.ruleId()))
                .filter(match -> minScore == null || match.score() >= minScore)
                .toList();
        return wantsInCluster(alert, wanted) ? wanted : List.of();
    }

    /**
     * Whether this story is one this subscription receives of its cluster. A later story counts as
     * the first when the cluster's first story matched none of the rules wanted here: that one was
     * never delivered here.
     */
    private boolean wantsInCluster(Alert alert, List<Alert.Match> wanted) {
        if (clusters == ClusterMode.EACH || alert.firstOfCluster() || wanted.isEmpty()) {
            return true;
        }
        Alert.Cluster cluster = alert.cluster();
        if (wanted.stream().noneMatch(match -> cluster.headRules().contains(match.ruleId()))) {
            return true;
        }
        return clusters == ClusterMode.FIRST_UPDATES && cluster.outlets() == 1 + updateAfter;
    }

    private boolean wantsLanguage(String storyLanguage) {
        if (language == null || storyLanguage == null) {
            return true;
        }
        String wanted = language.toLowerCase(Locale.ROOT);
        String actual = storyLanguage.toLowerCase(Locale.ROOT).replace('_', '-');
        return actual.equals(wanted) || actual.startsWith(wanted + "-");
    }

    /** Never the secrets: a subscription may end up in a log line or an exception's message. */
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", name=" + name + ", channel=" + channel + ", rules=" + rules + ", enabled=" + enabled
                + ", signed=" + (secret != null) + "]";
    }

    public Subscription disabled(String reason, Instant at) {
        return new Subscription(id, name, channel, target, rules, minScore, language, format, secret, false, reason,
                origin, createdAt, at, digest, clusters, updateAfter, previousSecret, previousSecretUntil, secretRotatedAt, contact);
    }

    /** This subscription taking deliveries again, no longer saying why it was disabled. */
    public Subscription enabledAgain(Instant at) {
        return new Subscription(id, name, channel, target, rules, minScore, language, format, secret, true, null,
                origin, createdAt, at, digest, clusters, updateAfter, previousSecret, previousSecretUntil, secretRotatedAt, contact);
    }

    /**
     * This subscription with a new secret; the one it replaces is still signed with for {@code overlap},
     * so receivers can switch without a gap. A rotation during the overlap drops the secret before.
     */
    public Subscription rotated(String newSecret, Instant now, Duration overlap) {
        return new Subscription(id, name, channel, target, rules, minScore, language, format, newSecret, enabled,
                disabledReason, origin, createdAt, now, digest, clusters, updateAfter, secret, now.plus(overlap), now, contact);
    }

    /** The secrets a delivery at {@code now} is signed with: the current one first, then the previous during its overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        if (secret != null) {
            secrets.add(secret);
        }
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return List.copyOf(secrets);
    }
}
