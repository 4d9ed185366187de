package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.app.DeliveryException;
import dev.newsalerts.notifier.domain.Alert;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Emails an alert over SMTP (Quarkus Mailer, configured with quarkus.mailer.*), as plain text and
 * HTML from the templates in {@code templates/EmailSender/}; the HTML one escapes all story text.
 */
@ApplicationScoped
public class EmailSender {

    private static final int MAX_SUBJECT_CHARS = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alertText(Alert alert);

        static native TemplateInstance alertHtml(Alert alert);

        static native TemplateInstance digestText(List<Alert> alerts, String window);

        static native TemplateInstance digestHtml(List<Alert> alerts, String window);
    }

    /** Longest one mail may take: a server that stops answering mid-conversation costs this, then a retry. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    public void send(String to, Alert alert) throws DeliveryException {
        try {
            mailer.send(Mail.withText(to, subject(alert), Templates.alertText(alert).render())
                    .setHtml(Templates.alertHtml(alert).render())).await().atMost(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DeliveryException("SMTP: " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), e);
        }
    }

    /** One mail listing the alerts of a digest window (such as {@code 1h}). */
    public void sendDigest(String to, List<Alert> alerts, String window) throws DeliveryException {
        String subject = "[news-alerts] " + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts") + " in the last " + window;
        try {
            mailer.send(Mail.withText(to, subject, Templates.digestText(alerts, window).render())
                    .setHtml(Templates.digestHtml(alerts, window).render())).await().atMost(SEND_TIMEOUT);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DeliveryException("SMTP: " + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), e);
        }
    }

    /** Story text never reaches a header raw: line breaks and other control characters are removed. */
    static String subject(Alert alert) {
        String rules = alert.matches().stream().map(Alert.Match::ruleTitle).collect(Collectors.joining(", "));
        String subject = ("[news-alerts] " + rules + ": " + alert.story().title()).replaceAll("\\p{Cntrl}+", " ");
        return subject.length() <= MAX_SUBJECT_CHARS ? subject : subject.substring(0, MAX_SUBJECT_CHARS - 1) + "…";
    }
}
