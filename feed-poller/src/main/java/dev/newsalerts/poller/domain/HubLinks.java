package dev.newsalerts.poller.domain;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import java.util.List;
import java.util.Optional;
import org.jdom2.Element;

/**
 * The WebSub hub a feed names, and the topic (its {@code self} URL) to subscribe to: from Atom's
 * {@code <link rel="hub">} and {@code <link rel="self">}, or the {@code <atom:link>} elements an
 * RSS channel carries. A feed that names a hub but no self URL is not subscribed (WebSub requires both).
 */
public record HubLinks(String hub, String self) {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    public static Optional<HubLinks> of(SyndFeed feed) {
        String hub = null;
        String self = null;
        for (SyndLink link : feed.getLinks() == null ? List.<SyndLink>of() : feed.getLinks()) {
            if ("hub".equals(link.getRel()) && hub == null) {
                hub = blankToNull(link.getHref());
            } else if ("self".equals(link.getRel()) && self == null) {
                self = blankToNull(link.getHref());
            }
        }
        for (Element element : foreignMarkup(feed)) {
            if ("link".equals(element.getName()) && ATOM.equals(element.getNamespaceURI())) {
                String rel = element.getAttributeValue("rel");
                if ("hub".equals(rel) && hub == null) {
                    hub = blankToNull(element.getAttributeValue("href"));
                } else if ("self".equals(rel) && self == null) {
                    self = blankToNull(element.getAttributeValue("href"));
                }
            }
        }
        return hub == null || self == null ? Optional.empty() : Optional.of(new HubLinks(hub, self));
    }

    /**
     * These links as they are used: the hub's URL in normal form ({@link FeedUrl}), the one that is
     * called and that the SSRF guard checks; the self URL checked by the same rules but kept as the
     * feed spells it, for it is the topic the hub knows the feed by, matched as a string against the
     * publisher's own pings.
     *
     * @throws FeedUrl.Invalid naming the link that is refused and why
     */
    public HubLinks checked() {
        try {
            FeedUrl.normalise(self);
        } catch (FeedUrl.Invalid e) {
            throw new FeedUrl.Invalid("self link " + self + " " + e.getMessage());
        }
        try {
            return new HubLinks(FeedUrl.normalise(hub), self);
        } catch (FeedUrl.Invalid e) {
            throw new FeedUrl.Invalid("hub link " + hub + " " + e.getMessage());
        }
    }

    private static List<Element> foreignMarkup(SyndFeed feed) {
        Object markup = feed.getForeignMarkup();
        return markup instanceof List<?> list ? list.stream().filter(Element.class::isInstance).map(Element.class::cast).toList()
                : List.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
