package dev.newsalerts.poller.domain;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.newsalerts.plaintext.PlainText;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Turns the entries of a parsed feed into {@link Story} events. */
public final class StoryMapper {

    static final int MAX_TITLE_CHARS = 500;
    static final int MAX_SUMMARY_CHARS = 2_000;
    private static final int MAX_LIST_ITEMS = 20;

    private StoryMapper() {
    }

    public static List<Story> toStories(SyndFeed feed, FeedSource source, Instant fetchedAt) {
        String feedTitle = source.name() != null ? source.name() : PlainText.line(feed.getTitle(), MAX_TITLE_CHARS);
        String language = Optional.ofNullable(feed.getLanguage()).or(() -> Optional.ofNullable(source.language()))
                .map(value -> value.strip().toLowerCase(Locale.ROOT)).filter(value -> !value.isEmpty()).orElse(null);
        return feed.getEntries().stream()
                .map(entry -> toStory(entry, source.url(), feedTitle, language, fetchedAt))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Null for an entry with neither title nor summary: there is nothing to match or to show. */
    static Story toStory(SyndEntry entry, String feedUrl, String feedTitle, String language, Instant fetchedAt) {
        String title = PlainText.line(entry.getTitle(), MAX_TITLE_CHARS);
        String summary = PlainText.of(rawSummary(entry), MAX_SUMMARY_CHARS);
        if (isBlank(title) && isBlank(summary)) {
            return null;
        }
        // Rome already takes a permalink guid as the link; a guid that is not a permalink is only an id.
        Optional<String> link = CanonicalLink.of(entry.getLink(), feedUrl);
        String storyId = link.map(StoryIds::ofLink)
                .orElseGet(() -> isBlank(entry.getUri())
                        ? StoryIds.ofContent(feedUrl, title, summary)
                        : StoryIds.ofGuid(feedUrl, entry.getUri().strip()));
        return new Story(Story.SCHEMA_VERSION, storyId, feedUrl, feedTitle, link.orElse(null),
                isBlank(title) ? "" : title, isBlank(summary) ? "" : summary, language,
                authors(entry), categories(entry), instant(entry.getPublishedDate(), entry.getUpdatedDate()), fetchedAt);
    }

    private static String rawSummary(SyndEntry entry) {
        if (entry.getDescription() != null && !isBlank(entry.getDescription().getValue())) {
            return entry.getDescription().getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(value -> !isBlank(value))
                .findFirst().orElse(null);
    }

    private static List<String> authors(SyndEntry entry) {
        Stream<String> named = entry.getAuthors().stream().map(SyndPerson::getName);
        return distinctText(Stream.concat(Stream.of(entry.getAuthor()), named));
    }

    private static List<String> categories(SyndEntry entry) {
        return distinctText(entry.getCategories().stream().map(SyndCategory::getName));
    }

    private static List<String> distinctText(Stream<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        values.filter(value -> !isBlank(value)).map(value -> PlainText.line(value, 200))
                .filter(value -> !value.isEmpty()).limit(MAX_LIST_ITEMS).forEach(distinct::add);
        return List.copyOf(distinct);
    }

    private static Instant instant(Date published, Date updated) {
        Date date = published != null ? published : updated;
        return date == null ? null : date.toInstant();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
