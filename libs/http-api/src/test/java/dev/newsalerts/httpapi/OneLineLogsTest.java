package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** What outsiders write (subscription names, story titles) cannot forge log lines or turn a log binary. */
class OneLineLogsTest {

    private final OneLineLogs filter = new OneLineLogs();

    @Test
    void aNameWithALineBreakStaysOnItsLogLine() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Subscription %s (%s) created", ExtLogRecord.FormatStyle.PRINTF,
                OneLineLogsTest.class.getName());
        record.setParameters(new Object[] {"s1", "team\r\n2026-12-06 INFO  [admin] token accepted"});

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage())
                .isEqualTo("Subscription s1 (team\\r\\n2026-12-06 INFO  [admin] token accepted) created")
                .doesNotContain("\n");
    }

    @Test
    void aNulAndABidiOverrideAreShownAsEscapes() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Alert a1: \"{0}\"", ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                OneLineLogsTest.class.getName());
        record.setParameters(new Object[] {"gpj.\u202Eexe\u0000"});

        filter.isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("Alert a1: \"gpj.\\u202Eexe\\u0000\"");
    }

    @Test
    void aPlainMessageIsLeftAsItIs() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Feed %s polled: %d new", ExtLogRecord.FormatStyle.PRINTF,
                OneLineLogsTest.class.getName());
        record.setParameters(new Object[] {"https://example.com/feed.xml", 3});

        filter.isLoggable(record);

        assertThat(record.getParameters()).as("not formatted twice").hasSize(2);
        assertThat(record.getFormattedMessage()).isEqualTo("Feed https://example.com/feed.xml polled: 3 new");
    }

    @Test
    void whatPeopleReadLosesItsBidiControlsButKeepsItsWords() {
        assertThat(LogText.withoutBidiControls("Invoice \u202Egpj.exe")).isEqualTo("Invoice gpj.exe");
        assertThat(LogText.withoutBidiControls("微软与OpenAI")).isEqualTo("微软与OpenAI");
    }
}
