package dev.newsalerts.localrun;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mail server of a load run: it takes every mail and keeps only what the run counts, the number
 * of mails and their distinct subjects. It offers PIPELINING, as the mail servers a deployment sends
 * to do, so a client may send a mail's commands without waiting for each reply. GreenMail, the local
 * run's demo server, does not, and keeps every mail parsed in memory: over five minutes at 1,000
 * stories/s it held 1.1 GiB and took part of the two cores the run measures.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger received = new AtomicInteger();
    private final Set<String> subjects = ConcurrentHashMap.newKeySet();

    private SmtpSink(ServerSocket socket) {
        this.socket = socket;
    }

    static SmtpSink start() throws IOException {
        SmtpSink sink = new SmtpSink(new ServerSocket(0, 1024, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(sink::accept, "smtp-sink-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return sink;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Mails taken so far. */
    int received() {
        return received.get();
    }

    /** How many different subjects the mails so far had (their header as sent, unfolded). */
    int distinctSubjects() {
        return subjects.size();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new BufferedWriter(new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.UTF_8))) {
            out.write("220 smtp-sink ESMTP\r\n");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> out.write("250-smtp-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n");
                    case "DATA" -> {
                        out.write("354 end with <CRLF>.<CRLF>\r\n");
                        out.flush(); // the client waits for this before the message
                        readMessage(in);
                        out.write("250 queued\r\n");
                    }
                    case "QUIT" -> {
                        out.write("221 bye\r\n");
                        out.flush();
                        return;
                    }
                    default -> out.write("250 ok\r\n"); // HELO, MAIL, RCPT, RSET, NOOP
                }
                if (!in.ready()) {
                    out.flush(); // replies to pipelined commands go back together
                }
            }
        } catch (IOException e) {
            // the client went away; its mails so far are counted
        }
    }

    private void readMessage(BufferedReader in) throws IOException {
        StringBuilder subject = null;
        boolean inHeaders = true;
        boolean inSubject = false;
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            if (!inHeaders) {
                continue;
            }
            if (line.isEmpty()) {
                inHeaders = false;
            } else if (inSubject && (line.startsWith(" ") || line.startsWith("\t"))) {
                subject.append(line); // a folded header goes on
            } else {
                inSubject = line.regionMatches(true, 0, "Subject:", 0, 8);
                if (inSubject) {
                    subject = new StringBuilder(line.substring(8).trim());
                }
            }
        }
        received.incrementAndGet();
        subjects.add(subject == null ? "" : subject.toString());
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
