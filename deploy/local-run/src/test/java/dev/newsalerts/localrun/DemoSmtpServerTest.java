package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoSmtpServerTest {

    @Test
    void eachMailIsListedOnceWhateverMailboxItWentTo() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (DemoSmtpServer smtp = DemoSmtpServer.start(new PrintStream(new ByteArrayOutputStream()))) {
            ServerSetup setup = new ServerSetup(smtp.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            // whichever mailbox GreenMail lists first, a mail arriving later in one of them lands before the end of its list
            GreenMailUtil.sendTextEmail("you@localhost", "alerts@localhost", "first to you", "-", setup);
            GreenMailUtil.sendTextEmail("team@localhost", "alerts@localhost", "second to the team", "-", setup);
            smtp.printNew(out);
            GreenMailUtil.sendTextEmail("you@localhost", "alerts@localhost", "third to you", "-", setup);
            smtp.printNew(out);
            GreenMailUtil.sendTextEmail("team@localhost", "alerts@localhost", "fourth to the team", "-", setup);
            smtp.printNew(out);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyInAnyOrderElementsOf(List.of(
                "[email] to you@localhost: first to you",
                "[email] to team@localhost: second to the team",
                "[email] to you@localhost: third to you",
                "[email] to team@localhost: fourth to the team"));
    }
}
