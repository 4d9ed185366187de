package dev.newsalerts.plaintext;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Feed text, HTML or not, as plain text: the one way the services read it. Tags are removed,
 * entities decoded and spaces collapsed, but the text's structure stays, because rules scope their
 * conditions to sentences and paragraphs: a block ({@code p}, {@code div}, headings, lists,
 * {@code blockquote}, tables) ends a paragraph (a blank line), and a {@code br} or a list item
 * ends a line. Text without markup keeps its blank lines as paragraph breaks; its single line
 * breaks are wrapping and become spaces.
 */
public final class PlainText {

    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "section", "article", "header", "footer", "aside", "main", "nav", "figure",
            "figcaption", "table", "ul", "ol", "dl", "hr", "address", "details", "center");
    private static final Set<String> LINE_TAGS = Set.of("br", "li", "tr", "dt", "dd", "caption");

    private PlainText() {
    }

    /** Plain text of {@code html}, paragraphs separated by a blank line; null stays null. */
    public static String of(String html) {
        if (html == null) {
            return null;
        }
        Writer writer = new Writer();
        Jsoup.parseBodyFragment(markedUp(html)).body().traverse(writer);
        return writer.text();
    }

    /** {@link #of(String)}, at most {@code maxChars} characters (an ellipsis marks a cut). */
    public static String of(String html, int maxChars) {
        String text = of(html);
        return text == null ? null : capped(text, maxChars);
    }

    /** Plain text on one line (a title, a name): line and paragraph breaks become spaces. */
    public static String line(String html, int maxChars) {
        String text = of(html);
        return text == null ? null : capped(text.replaceAll("\n+", " "), maxChars);
    }

    private static String markedUp(String text) {
        if (text.indexOf('<') >= 0) {
            return text;
        }
        return Arrays.stream(text.split("\\R[\\h]*\\R[\\s]*")).collect(Collectors.joining("</p><p>", "<p>", "</p>"));
    }

    static String capped(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--; // never split a surrogate pair
        }
        int gap = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf('\n', end));
        if (gap > maxChars * 3 / 4) {
            end = gap; // prefer a word boundary when one is near
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    /** Appends text with collapsed spaces and holds a pending break until more text comes. */
    private static final class Writer implements NodeVisitor {

        private static final int NONE = 0;
        private static final int LINE = 1;
        private static final int PARAGRAPH = 2;

        private final StringBuilder out = new StringBuilder();
        private int pendingBreak = NONE;
        private boolean pendingSpace;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                append(textNode.getWholeText());
            } else if (node instanceof Element element) {
                breakAround(element);
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element && !element.normalName().equals("br")) {
                breakAround(element);
            }
        }

        private void breakAround(Element element) {
            String tag = element.normalName();
            if (PARAGRAPH_TAGS.contains(tag)) {
                pendingBreak = PARAGRAPH;
            } else if (LINE_TAGS.contains(tag)) {
                pendingBreak = Math.max(pendingBreak, LINE);
            } else if (tag.equals("td") || tag.equals("th")) {
                pendingSpace = true;
            }
        }

        private void append(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    pendingSpace = true;
                    continue;
                }
                if (!out.isEmpty()) {
                    if (pendingBreak != NONE) {
                        out.append(pendingBreak == PARAGRAPH ? "\n\n" : "\n");
                    } else if (pendingSpace) {
                        out.append(' ');
                    }
                }
                pendingBreak = NONE;
                pendingSpace = false;
                out.append(c);
            }
        }

        String text() {
            return out.toString();
        }
    }
}
