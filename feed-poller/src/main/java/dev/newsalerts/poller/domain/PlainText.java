package dev.newsalerts.poller.domain;

import org.jsoup.Jsoup;

/** Feed text as plain text: HTML removed, entities decoded, whitespace collapsed, length capped. */
public final class PlainText {

    private PlainText() {
    }

    /** Plain text of {@code html}, at most {@code maxChars} characters (an ellipsis marks a cut); null stays null. */
    public static String of(String html, int maxChars) {
        if (html == null) {
            return null;
        }
        String text = Jsoup.parse(html).text().strip();
        return capped(text, maxChars);
    }

    static String capped(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--; // never split a surrogate pair
        }
        int space = text.lastIndexOf(' ', end);
        if (space > maxChars * 3 / 4) {
            end = space; // prefer a word boundary when one is near
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
