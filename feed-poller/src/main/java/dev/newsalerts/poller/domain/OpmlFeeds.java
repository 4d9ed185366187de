package dev.newsalerts.poller.domain;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The feeds an OPML 1.0/1.1/2.0 subscription list names: every {@code outline} with an
 * {@code xmlUrl}, in {@code body} or nested in another outline ({@code language} and
 * {@code fullText="true"} are read from it too). Read as a stream (StAX), with the outline depth
 * and the number of feeds checked at each element, so a hostile document is refused before it
 * costs more than its bytes; a DOCTYPE is refused, so no entity or DTD in an uploaded file is ever
 * processed.
 */
public final class OpmlFeeds {

    private static final int MAX_OUTLINES = 10_000;
    private static final int MAX_DEPTH = 50;
    /** The outline attribute ({@code fullText="true"}) that asks for each story's article text, as in the feeds file. */
    public static final String FULL_TEXT = "fullText";
    private static final XMLInputFactory XML = xmlInputFactory();

    private OpmlFeeds() {
    }

    /** @throws OpmlException saying what is wrong with the document */
    public static List<FeedSource> parse(byte[] body, String contentType) {
        String text = FeedText.decode(body, contentType);
        if (body.length == 0 || text.isBlank()) {
            throw new OpmlException("the OPML document is empty");
        }
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(text.stripLeading()));
            try {
                return feeds(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new OpmlException("not well-formed XML: " + reason(e));
        }
    }

    /**
     * The outlines of {@code body}, walked with a count of the outlines open: {@code outlineDepth}
     * is 0 in {@code body}, n inside the n-th nested outline, -1 outside {@code body}; an element
     * opened at {@code depth} (the root at 1) is one of these outlines when its parent is.
     */
    private static List<FeedSource> feeds(XMLStreamReader reader) throws XMLStreamException {
        List<FeedSource> feeds = new ArrayList<>();
        int depth = 0;
        int outlineDepth = -1;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new OpmlException("not well-formed XML: DOCTYPE declarations are refused");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (depth == 1 && !name.equalsIgnoreCase("opml")) {
                    throw new OpmlException("not an OPML document: the root element is <" + name + ">, not <opml>");
                }
                if (depth == 2 && name.equals("body")) {
                    outlineDepth = 0;
                } else if (outlineDepth >= 0 && outlineDepth == depth - 3 && name.equals("outline")) {
                    outlineDepth++;
                    if (outlineDepth > MAX_DEPTH) {
                        throw new OpmlException("the OPML document nests outlines deeper than " + MAX_DEPTH + " levels");
                    }
                    outline(reader, feeds);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (outlineDepth >= 0 && outlineDepth == depth - 2) {
                    outlineDepth--;
                }
                depth--;
            }
        }
        return feeds;
    }

    private static void outline(XMLStreamReader reader, List<FeedSource> feeds) {
        String xmlUrl = blankToNull(reader.getAttributeValue(null, "xmlUrl"));
        if (xmlUrl == null) {
            return;
        }
        if (feeds.size() >= MAX_OUTLINES) {
            throw new OpmlException("the OPML document names more than " + MAX_OUTLINES + " feeds");
        }
        String title = blankToNull(reader.getAttributeValue(null, "title"));
        String name = title != null ? title : blankToNull(reader.getAttributeValue(null, "text"));
        String language = blankToNull(reader.getAttributeValue(null, "language"));
        boolean fullText = "true".equalsIgnoreCase(blankToNull(reader.getAttributeValue(null, FULL_TEXT)));
        feeds.add(new FeedSource(xmlUrl, name, language, null, fullText));
    }

    private static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The parser's message without its "ParseError at [row,col]" line, which the position already says. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int start = message.indexOf("Message: ");
        String position = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
        return (start < 0 ? message : message.substring(start + "Message: ".length())).strip() + position;
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
