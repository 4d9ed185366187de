package dev.newsalerts.notifier.app;

import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.FeedbackRefusedException.Reason;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Feedback;
import dev.newsalerts.notifier.domain.FeedbackLink;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.Verdict;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Records what readers say of alerts on news.feedback, with the story as the rules read it: from the
 * console (the alert as this instance holds it) or from a signed link (the alert read back from
 * news.alerts at the link's position when this instance no longer holds it).
 */
@ApplicationScoped
public class ReaderFeedback {

    private final RecentAlerts recent;
    private final AlertArchive archive;
    private final FeedbackStore store;
    private final FeedbackLinks links;

    public ReaderFeedback(RecentAlerts recent, AlertArchive archive, FeedbackStore store, FeedbackLinks links) {
        this.recent = recent;
        this.archive = archive;
        this.store = store;
        this.links = links;
    }

    /** A verdict from the console. @throws FeedbackRefusedException UNKNOWN_ALERT when this instance does not hold it */
    public Feedback judge(String alertId, Verdict verdict) {
        Alert alert = recent.find(alertId).orElseThrow(() -> new FeedbackRefusedException(Reason.UNKNOWN_ALERT,
                "no alert " + alertId + " among the alerts this instance received lately"));
        return save(Feedback.of(alert, verdict, Feedback.Via.CONSOLE, null, Instant.now()));
    }

    /** Checks a link's signature and nothing else: what a GET of the link does. */
    public void check(FeedbackLink link, String signature) {
        if (!links.isSigned(link, signature)) {
            throw new FeedbackRefusedException(Reason.BAD_SIGNATURE, "this feedback link is not signed by this"
                    + " notifier (changed, cut short, or signed with another key); nothing was recorded");
        }
    }

    /** A verdict from a signed link: what a POST of the link does. */
    public Feedback judge(FeedbackLink link, String signature) {
        check(link, signature);
        Alert alert = recent.find(link.alertId()).or(() -> readBack(link)).orElseThrow(() -> new FeedbackRefusedException(
                Reason.GONE, "alert " + link.alertId() + " is no longer in " + Topics.ALERTS + " at the link's position (its retention dropped it)"
                        + "; this link has expired and nothing was recorded"));
        return save(Feedback.of(alert, link.verdict(), Feedback.Via.LINK, link.subscriptionId(), Instant.now()));
    }

    /** The alert, while this instance holds it. */
    public Optional<Alert> held(String alertId) {
        return recent.find(alertId);
    }

    public Optional<Feedback> verdictOf(String alertId) {
        return store.get(alertId);
    }

    private Optional<Alert> readBack(FeedbackLink link) {
        Optional<Alert> alert = archive.at(link.position()).map(PublishedAlert::view);
        if (alert.isPresent() && !link.alertId().equals(alert.get().alertId())) {
            Log.warnf("Feedback link for alert %s names %s at %s, which holds alert %s; refused", link.alertId(), Topics.ALERTS,
                    link.position().ref(), alert.get().alertId());
            return Optional.empty();
        }
        return alert;
    }

    private Feedback save(Feedback feedback) {
        store.save(feedback);
        Log.infof("Feedback on alert %s: %s (via %s)", feedback.alertId(), feedback.verdict(), feedback.via().text());
        return feedback;
    }
}
