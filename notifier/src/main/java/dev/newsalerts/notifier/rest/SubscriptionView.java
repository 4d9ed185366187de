package dev.newsalerts.notifier.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.ClusterMode;
import dev.newsalerts.notifier.domain.RuleCatalogue;
import dev.newsalerts.notifier.domain.Subscription;
import dev.newsalerts.notifier.domain.WebhookFormat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A subscription as the API shows it: never its secret, except {@code secret} once, in the answer
 * to the creation or rotation that generated or set it.
 *
 * @param missingRules the rules it names that are no longer among the classifier's rules in force
 *        (they will not fire); absent when there are none, or before the classifier has published its rules
 * @param secretRotatedAt when the secret was last rotated; absent when never
 * @param previousSecretValidUntil the end of the last rotation's overlap, when deliveries stop (or stopped)
 *        carrying the previous secret's signature too
 * @param contact the email address told when the notifier disables it; absent for nobody
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String id, String name, Channel channel, String target, List<String> rules,
        Double minScore, String language, WebhookFormat format, boolean signed, String secret, boolean enabled,
        String disabledReason, String origin, Instant createdAt, Instant updatedAt, String digest, ClusterMode clusters,
        int updateAfter, List<String> missingRules, Instant secretRotatedAt, Instant previousSecretValidUntil, String contact) {

    static SubscriptionView of(Subscription subscription, Optional<RuleCatalogue> rules) {
        return of(subscription, false, rules);
    }

    static SubscriptionView of(Subscription subscription, boolean showSecret, Optional<RuleCatalogue> rules) {
        List<String> missing = rules.map(catalogue -> catalogue.unknown(subscription.rules())).filter(list -> !list.isEmpty())
                .orElse(null);
        return new SubscriptionView(subscription.id(), subscription.name(), subscription.channel(), subscription.target(),
                subscription.rules(), subscription.minScore(), subscription.language(), subscription.format(),
                subscription.secret() != null, showSecret ? subscription.secret() : null, subscription.enabled(),
                subscription.disabledReason(), subscription.origin(), subscription.createdAt(), subscription.updatedAt(),
                subscription.digest(), subscription.clusters(), subscription.updateAfter(), missing,
                subscription.secretRotatedAt(), subscription.previousSecretUntil(), subscription.contact());
    }
}
