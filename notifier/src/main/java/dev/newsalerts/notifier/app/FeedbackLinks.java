package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.FeedbackLink;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.Verdict;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The signed one-click feedback links a delivery carries, under {@code notifier.public-url}, signed
 * with {@code notifier.feedback.link-key}; without a key there are none, and every link is refused.
 */
@ApplicationScoped
public class FeedbackLinks {

    /** A delivery's two links. */
    public record Pair(String relevant, String notRelevant) {
    }

    private static final int MIN_KEY_BYTES = 32;

    private final String base;
    private final byte[] key;

    public FeedbackLinks(NotifierConfig config) {
        String url = config.publicUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.key = config.feedback().linkKey().filter(value -> !value.isBlank())
                .map(value -> value.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (key == null) {
            Log.info("Feedback links are off: set notifier.feedback.link-key to put them in emails and webhooks");
        } else if (key.length < MIN_KEY_BYTES) {
            Log.warnf("notifier.feedback.link-key is shorter than %d bytes: links signed with it are easier to forge",
                    MIN_KEY_BYTES);
        }
    }

    /** The links for the delivery of an alert to a subscription; none without a key or the alert's position. */
    public Optional<Pair> of(PublishedAlert alert, String subscriptionId) {
        if (key == null || alert.position() == null) {
            return Optional.empty();
        }
        String alertId = alert.view().alertId();
        return Optional.of(new Pair(url(new FeedbackLink(alertId, Verdict.RELEVANT, subscriptionId, alert.position())),
                url(new FeedbackLink(alertId, Verdict.NOT_RELEVANT, subscriptionId, alert.position()))));
    }

    public String url(FeedbackLink link) {
        if (key == null) {
            throw new IllegalStateException("feedback links need notifier.feedback.link-key");
        }
        return base + link.pathAndQuery(key);
    }

    /** Whether the link carries its own signature (never with no key configured). */
    public boolean isSigned(FeedbackLink link, String signature) {
        return key != null && link.isSignedBy(key, signature);
    }
}
