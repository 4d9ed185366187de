package dev.newsalerts.httpapi;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps every log message one line of plain text, whatever it quotes ({@link LogText}): a service
 * turns it on with {@code quarkus.log.console.filter=one-line}. The stack trace of an exception
 * still follows on lines of its own.
 */
@LoggingFilter(name = "one-line")
public final class OneLineLogs implements Filter {

    private static final Formatter PARAMETERS = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : PARAMETERS.formatMessage(record);
        String safe = LogText.escaped(message);
        if (safe != null && !safe.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(safe, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(safe);
            }
            record.setParameters(null);
        }
        return true;
    }
}
