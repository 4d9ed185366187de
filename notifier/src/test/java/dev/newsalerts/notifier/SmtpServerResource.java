package dev.newsalerts.notifier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM, on a free loopback port. */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    public static final String RECIPIENT = "reader@example.com";
    private static GreenMail greenMail;

    public static GreenMail mailbox() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(ServerSetup.PORT_SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(greenMail.getSmtp().getPort()),
                "notifier.subscriptions.test-inbox.channel", "email",
                "notifier.subscriptions.test-inbox.target", RECIPIENT);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
