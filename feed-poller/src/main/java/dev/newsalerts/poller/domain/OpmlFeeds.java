package dev.newsalerts.poller.domain;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.opml.io.impl.OPML10Parser;
import com.rometools.opml.io.impl.OPML20Parser;
import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;

/**
 * The feeds an OPML 1.0/1.1/2.0 subscription list names (every outline with an {@code xmlUrl},
 * however deeply nested; {@code language} and {@code fullText="true"} are read from it too), read with Rome's OPML parsers from a document parsed with DOCTYPEs
 * refused, so no entity or DTD in an uploaded file is ever processed.
 */
public final class OpmlFeeds {

    private static final int MAX_OUTLINES = 10_000;
    /** The outline attribute ({@code fullText="true"}) that asks for each story's article text, as in the feeds file. */
    public static final String FULL_TEXT = "fullText";

    private OpmlFeeds() {
    }

    /** @throws OpmlException saying what is wrong with the document */
    public static List<FeedSource> parse(byte[] body, String contentType) {
        if (body.length == 0 || FeedText.decode(body, contentType).isBlank()) {
            throw new OpmlException("the OPML document is empty");
        }
        Document document = document(FeedText.decode(body, contentType).stripLeading());
        String root = document.getRootElement().getName();
        if (!root.equalsIgnoreCase("opml")) {
            throw new OpmlException("not an OPML document: the root element is <" + root + ">, not <opml>");
        }
        Opml opml;
        try {
            OPML10Parser parser = new OPML20Parser().isMyType(document) ? new OPML20Parser() : new OPML10Parser();
            opml = (Opml) parser.parse(document, false, Locale.ROOT);
        } catch (FeedException | IllegalArgumentException e) {
            throw new OpmlException("not a valid OPML document: " + e.getMessage());
        }
        List<FeedSource> feeds = new ArrayList<>();
        collect(opml.getOutlines(), feeds, 0);
        return feeds;
    }

    private static Document document(String text) {
        try {
            SAXBuilder builder = new SAXBuilder();
            builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
            builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            builder.setExpandEntities(false);
            return builder.build(new StringReader(text));
        } catch (JDOMException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "DOCTYPE declarations are refused" : e.getMessage();
            throw new OpmlException("not well-formed XML: " + reason);
        } catch (IOException e) {
            throw new OpmlException("cannot read the OPML document: " + e.getMessage());
        }
    }

    private static void collect(List<Outline> outlines, List<FeedSource> feeds, int depth) {
        for (Outline outline : outlines) {
            if (feeds.size() >= MAX_OUTLINES || depth > 50) {
                throw new OpmlException("the OPML document names more than " + MAX_OUTLINES + " feeds or nests deeper than 50");
            }
            String xmlUrl = outline.getXmlUrl();
            if (xmlUrl != null && !xmlUrl.isBlank()) {
                String name = outline.getTitle() != null && !outline.getTitle().isBlank() ? outline.getTitle() : outline.getText();
                String language = outline.getAttributeValue("language");
                boolean fullText = "true".equalsIgnoreCase(blankToNull(outline.getAttributeValue(FULL_TEXT)));
                feeds.add(new FeedSource(xmlUrl.strip(), blankToNull(name), blankToNull(language), null, fullText));
            }
            collect(outline.getChildren(), feeds, depth + 1);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An OPML document that cannot be read; the message says why. */
    public static final class OpmlException extends RuntimeException {
        public OpmlException(String message) {
            super(message);
        }
    }
}
