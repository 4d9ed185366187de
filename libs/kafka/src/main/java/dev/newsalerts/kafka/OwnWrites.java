package dev.newsalerts.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FollowedTable}'s own writes, by their encoded text, until the table reads them back: what
 * it reads is then the value it wrote, not decoded again, and not held twice. Decoding its own
 * records took 6% of the notifier's CPU at 1,000 stories/s (the delivery log); in the classifier
 * every cluster member was held twice, once as placed and once as read back. Values must be
 * immutable, so that the one written serves as the one read.
 */
public final class OwnWrites<V> {

    /** Writes not read back yet: more means the follower is far behind or writes failed, and they start over. */
    public static final int LIMIT = 4096;

    private final Map<String, V> byEncoded = new ConcurrentHashMap<>();

    /** @return {@code encoded}, for the writer to send */
    public String remember(String encoded, V value) {
        if (byEncoded.size() >= LIMIT) {
            byEncoded.clear();
        }
        byEncoded.put(encoded, value);
        return encoded;
    }

    /** @return the value written as {@code encoded}, once; null when this table did not write it (or no longer knows) */
    public V readBack(String encoded) {
        return byEncoded.remove(encoded);
    }

    /** A table's decoder: the value written as a record's text when this table wrote it, else what {@code decoder} reads. */
    public FollowedTable.Decoder<V> orDecode(FollowedTable.Decoder<V> decoder) {
        return encoded -> {
            V written = readBack(encoded);
            return written != null ? written : decoder.decode(encoded);
        };
    }
}
