package dev.newsalerts.poller.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a feed declaration must look like, in the feeds file, through the API and in OPML, and the URL it is kept under. */
public final class FeedRules {

    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(7);
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final int MAX_URL = 2000;
    private static final int MAX_NAME = 200;

    private FeedRules() {
    }

    /** What is wrong with {@code feed}; empty when nothing is. */
    public static List<String> problems(FeedSource feed) {
        List<String> problems = new ArrayList<>();
        try {
            if (FeedUrl.normalise(feed.url()).length() > MAX_URL) {
                problems.add("url is longer than " + MAX_URL + " characters");
            }
        } catch (FeedUrl.Invalid e) {
            problems.add("url " + e.getMessage());
        }
        if (feed.name() != null && feed.name().length() > MAX_NAME) {
            problems.add("name is longer than " + MAX_NAME + " characters");
        }
        if (feed.language() != null && !LANGUAGE.matcher(feed.language()).matches()) {
            problems.add("language must be a language tag such as en, zh-cn or zh-Hant-TW");
        }
        if (feed.interval() != null && (feed.interval().compareTo(MIN_INTERVAL) < 0 || feed.interval().compareTo(MAX_INTERVAL) > 0)) {
            problems.add("interval must be between 1m and 7d");
        }
        return problems;
    }

    /** {@code feed} under its URL in normal form ({@link FeedUrl}); for a feed {@link #problems} finds nothing wrong with. */
    public static FeedSource normalised(FeedSource feed) {
        return feed.withUrl(FeedUrl.normalise(feed.url()));
    }
}
