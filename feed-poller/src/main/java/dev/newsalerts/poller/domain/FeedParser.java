package dev.newsalerts.poller.domain;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with Rome. The character set comes from the HTTP header,
 * the BOM and the XML prolog; DOCTYPEs are refused (Rome's default), so no external entity or
 * entity expansion is ever processed.
 */
public final class FeedParser {

    private FeedParser() {
    }

    /** @throws FeedParseException with a reason a person can act on */
    public static SyndFeed parse(byte[] body, String contentType) {
        if (body.length == 0) {
            throw new FeedParseException("empty response body");
        }
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a valid RSS or Atom feed: " + e.getMessage(), e);
        }
    }

    public static final class FeedParseException extends RuntimeException {
        public FeedParseException(String message) {
            super(message);
        }

        public FeedParseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
