package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.app.DeliveryException;
import dev.newsalerts.notifier.app.FeedbackLinks;
import dev.newsalerts.notifier.domain.Alert;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Emails an alert over SMTP (Quarkus Mailer, configured with quarkus.mailer.*), as plain text and
 * HTML from the templates in {@code templates/EmailSender/}; the HTML one escapes all story text.
 * Each alert carries its feedback links when links are on.
 */
@ApplicationScoped
public class EmailSender {

    private static final int MAX_SUBJECT_CHARS = 200;

    /**
     * One alert of a digest.
     *
     * @param feedback its feedback links, null when links are off
     * @param alsoReportedBy the other stories of its event in the same digest, first first
     */
    public record Item(Alert alert, FeedbackLinks.Pair feedback, List<Alert.Story> alsoReportedBy) {

        public Item(Alert alert, FeedbackLinks.Pair feedback) {
            this(alert, feedback, List.of());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alertText(Alert alert, FeedbackLinks.Pair feedback);

        static native TemplateInstance alertHtml(Alert alert, FeedbackLinks.Pair feedback);

        static native TemplateInstance digestText(List<Item> items, String window);

        static native TemplateInstance digestHtml(List<Item> items, String window);
    }

    /** Longest one mail may take: a server that stops answering mid-conversation costs this, then a retry. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    /** @param feedback the delivery's feedback links, null when links are off */
    public void send(String to, Alert alert, FeedbackLinks.Pair feedback) throws DeliveryException {
        try {
            mailer.send(Mail.withText(to, subject(alert), Templates.alertText(alert, feedback).render())
                    .setHtml(Templates.alertHtml(alert, feedback).render())).await().atMost(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DeliveryException("SMTP: " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), e);
        }
    }

    /** One mail listing the alerts of a digest window (such as {@code 1h}), each event once. */
    public void sendDigest(String to, List<Item> alerts, String window) throws DeliveryException {
        List<Item> items = oneEntryPerEvent(alerts);
        String subject = "[news-alerts] " + items.size() + (items.size() == 1 ? " alert" : " alerts") + " in the last " + window;
        try {
            mailer.send(Mail.withText(to, subject, Templates.digestText(items, window).render())
                    .setHtml(Templates.digestHtml(items, window).render())).await().atMost(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DeliveryException("SMTP: " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), e);
        }
    }

    /**
     * The alerts of a digest with each event (cluster) once: its first story, or the earliest here,
     * listing the other outlets' stories under it; an alert without a cluster is its own event.
     */
    static List<Item> oneEntryPerEvent(List<Item> alerts) {
        Map<String, List<Item>> byEvent = new LinkedHashMap<>();
        for (Item item : alerts) {
            Alert.Cluster cluster = item.alert().cluster();
            String event = cluster == null ? "alert:" + item.alert().alertId() : "cluster:" + cluster.clusterId();
            byEvent.computeIfAbsent(event, key -> new ArrayList<>()).add(item);
        }
        return byEvent.values().stream().map(event -> {
            Item first = event.stream().filter(item -> item.alert().firstOfCluster()).findFirst().orElse(event.get(0));
            List<Alert.Story> others = event.stream().filter(item -> item != first).map(item -> item.alert().story()).toList();
            return new Item(first.alert(), first.feedback(), others);
        }).toList();
    }

    /** Story text never reaches a header raw: line breaks, other control characters and bidi overrides are removed. */
    static String subject(Alert alert) {
        String rules = alert.matches().stream().map(Alert.Match::ruleTitle).collect(Collectors.joining(", "));
        String subject = ReadableText.oneLine("[news-alerts] " + rules + ": " + alert.story().title());
        return subject.length() <= MAX_SUBJECT_CHARS ? subject : subject.substring(0, MAX_SUBJECT_CHARS - 1) + "…";
    }
}
