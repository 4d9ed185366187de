package dev.newsalerts.notifier.client;

import dev.newsalerts.httpapi.LogText;
import io.quarkus.qute.TemplateExtension;

/** {@code {text.readable}} in the email templates: a story's text without bidi overrides, which would show it backwards. */
@TemplateExtension
final class ReadableText {

    private ReadableText() {
    }

    static String readable(String text) {
        return LogText.withoutBidiControls(text);
    }

    /** The text for a mail header or a line of its own: no bidi overrides, and line breaks and other control characters as spaces. */
    static String oneLine(String text) {
        return LogText.withoutBidiControls(text).replaceAll("\\p{Cntrl}+", " ");
    }
}
