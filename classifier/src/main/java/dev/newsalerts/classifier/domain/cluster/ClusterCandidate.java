package dev.newsalerts.classifier.domain.cluster;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * An alerted story as clustering takes it: its text, where it came from and the rules it matched.
 *
 * @param link the story's link, possibly null
 * @param feedUrl the feed it came from, possibly null
 */
public record ClusterCandidate(String storyId, String title, String lead, String link, String feedUrl, Set<String> ruleIds) {

    public ClusterCandidate {
        ruleIds = Set.copyOf(ruleIds);
    }

    /**
     * The outlet that reported it: the host of its link (else of its feed), without {@code www.};
     * two feeds of one site are one outlet.
     */
    public String outlet() {
        for (String url : new String[] {link, feedUrl}) {
            String host = host(url);
            if (host != null) {
                return host.startsWith("www.") ? host.substring(4) : host;
            }
        }
        return "unknown";
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
