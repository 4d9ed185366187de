package dev.newsalerts.localrun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
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
    private int printed;

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

    private void printNew(PrintStream out) {
        MimeMessage[] mails = smtp.getReceivedMessages();
        for (; printed < mails.length; printed++) {
            try {
                out.println("[email] to " + mails[printed].getAllRecipients()[0] + ": " + mails[printed].getSubject());
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
