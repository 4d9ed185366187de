package dev.newsalerts.poller.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A feed to poll.
 *
 * @param url the RSS or Atom URL
 * @param name a display name; the feed's own title is used when absent
 * @param language a language hint such as {@code en} or {@code zh}, used when the feed names none
 * @param interval time between two polls of this feed; {@code poller.interval} when absent
 * @param fullText whether each new story's article page is fetched and its main text sent as the story's
 *        {@code content} (for feeds that send a teaser only); false when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedSource(String url, String name, String language,
        @JsonSerialize(using = IntervalJson.Writer.class) @JsonDeserialize(using = IntervalJson.Reader.class) Duration interval,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean fullText) {

    public FeedSource(String url, String name, String language) {
        this(url, name, language, null, false);
    }

    public FeedSource(String url, String name, String language, Duration interval) {
        this(url, name, language, interval, false);
    }

    /** This feed under another URL, all else the same. */
    public FeedSource withUrl(String newUrl) {
        return new FeedSource(newUrl, name, language, interval, fullText);
    }

    /** A short stable id for the feed: 12 hex digits of the SHA-256 of its URL. */
    @JsonIgnore
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The host whose politeness limits apply to this feed. */
    @JsonIgnore
    public String host() {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
