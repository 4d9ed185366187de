package dev.newsalerts.localrun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server on loopback for the local run, so email subscriptions work without a mail
 * server: it accepts every mail and prints its recipient and subject.
 */
public final class DemoSmtpServer implements AutoCloseable {

    private final GreenMail smtp;
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "demo-smtp-printer");
        thread.setDaemon(true);
        return thread;
    });
    /** The mails printed, by identity: GreenMail hands out the same objects each time. */
    private final Set<MimeMessage> printed = Collections.newSetFromMap(new IdentityHashMap<>());

    private DemoSmtpServer(GreenMail smtp) {
        this.smtp = smtp;
    }

    public static DemoSmtpServer start(PrintStream out) {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        DemoSmtpServer server = new DemoSmtpServer(smtp);
        server.printer.scheduleWithFixedDelay(() -> server.printNew(out), 1, 1, TimeUnit.SECONDS);
        return server;
    }

    public int port() {
        return smtp.getSmtp().getPort();
    }

    /**
     * Prints each mail once, in the order it arrived. GreenMail lists the mails grouped by mailbox,
     * so a position in that list is not an arrival: once there are two mailboxes, counting printed
     * positions repeats some mails and skips others.
     */
    void printNew(PrintStream out) {
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (!printed.add(mail)) {
                continue;
            }
            try {
                out.println("[email] to " + mail.getAllRecipients()[0] + ": " + mail.getSubject());
            } catch (MessagingException e) {
                out.println("[email] a mail that cannot be read: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        printer.shutdownNow();
        smtp.stop();
    }
}
