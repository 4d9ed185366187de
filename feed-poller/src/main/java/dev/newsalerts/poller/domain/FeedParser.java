package dev.newsalerts.poller.domain;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with Rome, from the text {@link FeedText} decodes. Hardened:
 * a DOCTYPE that only names a DTD (as RSS 0.91 feeds do) is dropped unread, one with an internal
 * subset (where entities are declared: billion laughs, external entities) is refused, and Rome's
 * parser refuses any DOCTYPE left, so no DTD is fetched and no entity declared in a feed is ever
 * expanded. HTML entities that sloppy feeds use without declaring them are still understood.
 */
public final class FeedParser {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s[^\\[>]*(\\[)?[^>]*>?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT_WITH_NAMESPACE = Pattern.compile("<feed[^>]*\\sxmlns\\s*=");
    private static final Pattern FIRST_ELEMENT = Pattern.compile("<([A-Za-z][A-Za-z0-9:_.-]*)");

    private FeedParser() {
    }

    /** @throws FeedParseException with a reason a person can act on */
    public static SyndFeed parse(byte[] body, String contentType) {
        String text = FeedText.decode(body, contentType).stripLeading();
        if (text.isBlank()) {
            throw new FeedParseException("empty", body.length == 0 ? "empty response body" : "response body holds only white space");
        }
        text = withoutDoctype(text);
        String root = rootElement(text);
        if (root.equals("html")) {
            throw new FeedParseException("html", "an HTML page, not an RSS or Atom feed"
                    + (contentType == null ? "" : " (Content-Type " + contentType + ")"));
        }
        try {
            return build(root.equals("feed") && !ROOT_WITH_NAMESPACE.matcher(text).find() ? withAtomNamespace(text) : text);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("not_a_feed", "not a valid RSS or Atom feed"
                    + (root.isEmpty() ? "" : " (root element <" + root + ">)") + ": " + reason(e, root, text), e);
        }
    }

    private static SyndFeed build(String text) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setXmlHealerOn(true);
        return input.build(new StringReader(text));
    }

    /** A {@code <feed>} that names no namespace is taken for Atom 1.0, as lenient readers do. */
    private static String withAtomNamespace(String text) {
        return text.replaceFirst("<feed(?=[\\s>/])", "<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    }

    private static String reason(Exception e, String root, String text) {
        if ("Invalid document".equals(e.getMessage())) {
            return "not a format Rome reads (RSS 0.90 to 2.0, RSS 1.0, Atom 0.3 and 1.0)";
        }
        if ((root.equals("rss") || root.equals("rdf:rdf")) && !text.contains("<channel")) {
            return "the document has no <channel> element";
        }
        Throwable cause = e.getCause();
        if ("Invalid XML".equals(e.getMessage()) && cause != null && !(cause instanceof org.jdom2.JDOMException)) {
            return "Rome could not read it (" + cause.getClass().getSimpleName() + ")";
        }
        return e.getMessage();
    }

    private static String withoutDoctype(String text) {
        int rootStart = indexOfRoot(text);
        Matcher doctype = DOCTYPE.matcher(text);
        if (!doctype.find() || rootStart >= 0 && doctype.start() > rootStart) {
            return text;
        }
        if (doctype.group(1) != null) {
            throw new FeedParseException("doctype_refused", "refused: the feed declares a DOCTYPE with its own entity definitions "
                    + "(never expanded here; this is how billion-laughs and external-entity attacks start)");
        }
        return text.substring(0, doctype.start()) + text.substring(doctype.end());
    }

    /** Where the root element starts: the first tag that is not a comment, a processing instruction or a declaration. */
    private static int indexOfRoot(String text) {
        int at = text.indexOf('<');
        while (at >= 0 && at + 1 < text.length()) {
            int end;
            if (text.startsWith("<!--", at)) {
                end = text.indexOf("-->", at + 4);
            } else if (text.charAt(at + 1) == '?' || text.charAt(at + 1) == '!') {
                end = text.indexOf('>', at + 2);
            } else {
                return at;
            }
            at = end < 0 ? -1 : text.indexOf('<', end);
        }
        return -1;
    }

    private static String rootElement(String text) {
        int at = indexOfRoot(text);
        Matcher element = at < 0 ? null : FIRST_ELEMENT.matcher(text).region(at, text.length());
        return element != null && element.lookingAt() ? element.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /**
     * A body that is not a feed we read; the message says why, the {@link #reason()} in one word for
     * metrics: {@code empty}, {@code html}, {@code doctype_refused} or {@code not_a_feed}.
     */
    public static final class FeedParseException extends RuntimeException {

        private final String reason;

        public FeedParseException(String reason, String message) {
            this(reason, message, null);
        }

        public FeedParseException(String reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
