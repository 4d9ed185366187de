package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.app.TargetCheck;
import dev.newsalerts.notifier.app.TargetRefusedException;
import dev.newsalerts.notifier.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Whether a subscription's target can be delivered to: a public http(s) URL without a user name or
 * password, or a well-formed email address.
 */
@ApplicationScoped
public class SubscriptionTargets implements TargetCheck {

    /** The HTML standard's valid e-mail address: no display name, comments, spaces or line breaks. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final int MAX_EMAIL_CHARS = 254;

    private final TargetGuard guard;

    public SubscriptionTargets(TargetGuard guard) {
        this.guard = guard;
    }

    @Override
    public void check(Channel channel, String target) throws TargetRefusedException {
        if (channel == Channel.EMAIL) {
            if (target.length() > MAX_EMAIL_CHARS || !EMAIL.matcher(target).matches()) {
                throw new TargetRefusedException("not an email address: " + printable(target));
            }
            return;
        }
        URI url = guard.parseUrl(target);
        if (url.getRawUserInfo() != null) {
            throw new TargetRefusedException("the URL must not contain a user name or password (user:password@):"
                    + " deliveries never send one; receivers check the webhook signature instead");
        }
        guard.resolve(url);
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
