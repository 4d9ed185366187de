package dev.newsalerts.notifier.client;

import dev.newsalerts.httpapi.LogText;
import dev.newsalerts.notifier.app.OwnerNotices;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Subscription;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/**
 * Emails a subscription's contact address when the notifier disables it, saying why and how to
 * enable it again. Sent in the background, retried a few times; a mail that cannot be sent is
 * logged (the subscription's state shows the reason anyway).
 */
@ApplicationScoped
public class OwnerEmails implements OwnerNotices {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration FIRST_RETRY_AFTER = Duration.ofSeconds(5);
    private static final int RETRIES = 3;

    private final ReactiveMailer mailer;
    private final URI publicUrl;

    public OwnerEmails(ReactiveMailer mailer, NotifierConfig config) {
        this.mailer = mailer;
        this.publicUrl = config.publicUrl();
    }

    @Override
    public void disabled(Subscription subscription, String reason) {
        if (subscription.contact() == null) {
            return;
        }
        mailer.send(Mail.withText(subscription.contact(), subject(subscription), text(subscription, reason)))
                .ifNoItem().after(SEND_TIMEOUT).fail()
                .onFailure().retry().withBackOff(FIRST_RETRY_AFTER).atMost(RETRIES)
                .subscribe().with(
                        sent -> Log.infof("Subscription %s: its contact was told it is disabled", subscription.id()),
                        failure -> Log.warnf("Subscription %s: its contact could not be told it is disabled: %s",
                                subscription.id(), LogText.escaped(String.valueOf(failure.getMessage()))));
    }

    static String subject(Subscription subscription) {
        return ReadableText.oneLine("[news-alerts] subscription \"" + subscription.name() + "\" disabled");
    }

    /** A webhook's URL is not repeated: chat services' webhook URLs are secrets. */
    String text(Subscription subscription, String reason) {
        String where = subscription.channel() == Channel.EMAIL ? subscription.target()
                : "a webhook at " + URI.create(subscription.target()).getHost();
        return """
                news-alerts has stopped delivering alerts to your subscription "%s" (id %s), %s.

                Why: %s

                Alerts that could not be delivered are kept as dead letters. Once the receiver works again, enable
                the subscription with its API token; that delivers the kept alerts too:

                    curl -X POST -H "Authorization: Bearer $TOKEN" %s/subscriptions/%s/enable

                or with the Enable button in the console (%s/console).
                """.formatted(ReadableText.oneLine(subscription.name()), subscription.id(), ReadableText.oneLine(where),
                ReadableText.oneLine(reason), publicUrl, subscription.id(), publicUrl);
    }
}
