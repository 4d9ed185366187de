package dev.newsalerts.httpapi;

/**
 * Text from outside (a subscription's name, a story's title, a URL) made safe to log or show:
 * control characters (a CR or LF would start a forged log line, a NUL makes a log a binary file)
 * and bidirectional overrides (U+202E shows text backwards) become visible escapes such as
 * {@code \n} and {@code \u202E}.
 */
public final class LogText {

    private LogText() {
    }

    /** The text with every control character and bidi control escaped; the same string when it has none. */
    public static String escaped(String text) {
        if (text == null || text.chars().noneMatch(LogText::needsEscape)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> safe.append("\\n");
                case '\r' -> safe.append("\\r");
                case '\t' -> safe.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        safe.append(String.format("\\u%04X", c));
                    } else {
                        safe.append((char) c);
                    }
                }
            }
        });
        return safe.toString();
    }

    /** The text without bidi controls, for what people read (a subject line, a console): the words stay as written. */
    public static String withoutBidiControls(String text) {
        return text == null ? null : text.replaceAll("[\\u202A-\\u202E\\u2066-\\u2069]", "");
    }

    private static boolean needsEscape(int c) {
        return Character.isISOControl(c) || isBidiControl(c);
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
