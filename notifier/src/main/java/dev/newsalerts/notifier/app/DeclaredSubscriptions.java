package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.ClusterMode;
import dev.newsalerts.notifier.domain.DigestWindow;
import dev.newsalerts.notifier.domain.Subscription;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subscriptions declared in configuration ({@code notifier.subscriptions.<name>.*}), with id
 * {@code config-<name>}. One whose target is refused is kept but disabled, with the reason, and
 * the refusal is logged: the other subscriptions still work.
 */
@ApplicationScoped
public class DeclaredSubscriptions {

    private final List<Subscription> subscriptions = new ArrayList<>();

    public DeclaredSubscriptions(NotifierConfig config, TargetCheck targets) {
        Instant now = Instant.now();
        for (Map.Entry<String, NotifierConfig.DeclaredSubscription> entry : config.subscriptions().entrySet()) {
            String name = entry.getKey();
            NotifierConfig.DeclaredSubscription declared = entry.getValue();
            String refusal = null;
            try {
                targets.check(declared.channel(), declared.target());
            } catch (TargetRefusedException e) {
                refusal = "notifier.subscriptions." + name + ".target refused: " + e.getMessage();
                Log.error(refusal);
            }
            String digest = declared.channel() == Channel.EMAIL ? declared.digest().map(String::strip).orElse(null) : null;
            if (digest != null) {
                try {
                    DigestWindow.parse(digest);
                } catch (IllegalArgumentException e) {
                    refusal = "notifier.subscriptions." + name + ".digest refused: " + e.getMessage();
                    Log.error(refusal);
                }
            }
            ClusterMode clusters = ClusterMode.DEFAULT;
            try {
                clusters = ClusterMode.parse(declared.clusters());
            } catch (IllegalArgumentException e) {
                refusal = "notifier.subscriptions." + name + ".clusters refused: " + e.getMessage();
                Log.error(refusal);
            }
            if (declared.updateAfter() < 1) {
                refusal = "notifier.subscriptions." + name + ".update-after refused: it must be 1 or more";
                Log.error(refusal);
            }
            String contact = declared.contact().map(String::strip).orElse(null);
            if (contact != null) {
                try {
                    targets.check(Channel.EMAIL, contact);
                } catch (TargetRefusedException e) {
                    refusal = "notifier.subscriptions." + name + ".contact refused: " + e.getMessage();
                    Log.error(refusal);
                }
            }
            boolean webhook = declared.channel() == Channel.WEBHOOK;
            subscriptions.add(new Subscription("config-" + name, name, declared.channel(), declared.target().strip(),
                    declared.rules().orElse(List.of()),
                    declared.minScore().isPresent() ? declared.minScore().getAsDouble() : null,
                    declared.language().orElse(null), webhook ? declared.format() : null,
                    webhook ? declared.secret().orElse(null) : null, declared.enabled() && refusal == null, refusal,
                    Subscription.ORIGIN_CONFIG, now, now, digest, clusters, declared.updateAfter(),
                    null, null, null, contact));
        }
    }

    public List<Subscription> all() {
        return List.copyOf(subscriptions);
    }

    /** The declared subscription with this id, as configured. */
    public Optional<Subscription> configured(String id) {
        return subscriptions.stream().filter(subscription -> subscription.id().equals(id)).findFirst();
    }
}
