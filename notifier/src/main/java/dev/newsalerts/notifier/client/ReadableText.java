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
}
