package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The load run's mail server counts what a real mail client sends it, and tells subjects apart. */
class SmtpSinkTest {

    @Test
    void everyMailIsCountedAndSubjectsAreToldApart() throws Exception {
        try (SmtpSink sink = SmtpSink.start()) {
            ServerSetup setup = new ServerSetup(sink.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            GreenMailUtil.sendTextEmail("you@localhost", "alerts@localhost", "Microsoft weighs legal action", "-", setup);
            GreenMailUtil.sendTextEmail("you@localhost", "alerts@localhost", "Microsoft weighs legal action", "-", setup);
            GreenMailUtil.sendTextEmail("you@localhost", "alerts@localhost", "AWS cuts S3 prices — 亚马逊云降价 "
                    + "a subject long enough to be folded over more than one header line by the client", "-", setup);

            await().atMost(Duration.ofSeconds(10)).until(() -> sink.received() == 3);
            assertThat(sink.distinctSubjects()).isEqualTo(2);
        }
    }
}
