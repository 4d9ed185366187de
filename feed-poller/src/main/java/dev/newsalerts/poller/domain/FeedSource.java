package dev.newsalerts.poller.domain;

/**
 * A feed to poll.
 *
 * @param url the RSS or Atom URL
 * @param name a display name; the feed's own title is used when absent
 * @param language a language hint such as {@code en} or {@code zh}, used when the feed names none
 */
public record FeedSource(String url, String name, String language) {
}
