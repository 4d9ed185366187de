package dev.newsalerts.poller.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable story ids: the same article always gets the same id, whoever polls it and whenever. */
public final class StoryIds {

    private StoryIds() {
    }

    public static String ofLink(String canonicalLink) {
        return hash("link\n" + canonicalLink);
    }

    /** A guid is only unique within its feed, so the feed is part of the id. */
    public static String ofGuid(String feedUrl, String guid) {
        return hash("guid\n" + feedUrl + "\n" + guid);
    }

    public static String ofContent(String feedUrl, String title, String summary) {
        return hash("content\n" + feedUrl + "\n" + title + "\n" + summary);
    }

    /** 128 bits of SHA-256 as 32 hex digits. */
    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
