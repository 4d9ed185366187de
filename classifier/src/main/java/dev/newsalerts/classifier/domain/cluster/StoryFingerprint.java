package dev.newsalerts.classifier.domain.cluster;

import dev.newsalerts.classifier.domain.cluster.StoryTokens.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What clustering knows of a story: a MinHash signature over the shingles of its folded title and lead
 * ({@link Shingles}: content words and pairs of them for Latin text, character pairs for CJK text, so
 * simplified and traditional copies get the same shingles), and its anchors, numbers and names
 * ({@link Anchors}). Immutable. {@link #encode()} gives the compact text stored with a cluster record.
 */
public final class StoryFingerprint {

    private final int[] signature;
    private final Anchors anchors;
    private final boolean empty;

    StoryFingerprint(int[] signature, Anchors anchors) {
        if (signature.length != MinHash.SIZE) {
            throw new IllegalArgumentException("a signature has " + MinHash.SIZE + " values, not " + signature.length);
        }
        this.signature = signature.clone();
        this.anchors = anchors;
        this.empty = Arrays.stream(signature).allMatch(value -> value == Integer.MAX_VALUE);
    }

    /** The fingerprint of a story from its title and lead (the feed's summary); either may be null. */
    public static StoryFingerprint of(String title, String lead) {
        List<Token> titleTokens = StoryTokens.of(title);
        List<Token> leadTokens = StoryTokens.of(lead);
        List<Token> all = new ArrayList<>(titleTokens.size() + leadTokens.size());
        all.addAll(titleTokens);
        all.addAll(leadTokens);
        return new StoryFingerprint(MinHash.signature(Shingles.of(all)), Anchors.of(titleTokens, leadTokens));
    }

    /** The estimated Jaccard similarity of the two stories' shingles, 0 to 1; 0 when either story has no text. */
    public double similarity(StoryFingerprint other) {
        if (isEmpty() || other.isEmpty()) {
            return 0;
        }
        return MinHash.similarity(signature, other.signature);
    }

    /** Whether the story had no words to shingle. */
    public boolean isEmpty() {
        return empty;
    }

    /** The story's numbers, normalised ("1,500" is 1500, "12%" is 12), in natural order. */
    public List<String> numbers() {
        return anchors.numbers();
    }

    /** The story's names: capitalised words of Latin script, folded, in natural order. */
    public List<String> names() {
        return anchors.names();
    }

    Anchors anchors() {
        return anchors;
    }

    int[] signature() {
        return signature.clone();
    }

    /** The value at one signature position, for LSH banding without copying. */
    int signatureAt(int position) {
        return signature[position];
    }

    /** A compact, versioned text form ("v1:" and base64), for the compacted topic. */
    public String encode() {
        return FingerprintCodec.encode(this);
    }

    /** The fingerprint {@link #encode()} wrote; throws IllegalArgumentException, saying why, for anything else. */
    public static StoryFingerprint decode(String encoded) {
        return FingerprintCodec.decode(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoryFingerprint that && Arrays.equals(signature, that.signature) && anchors.equals(that.anchors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature) * 31 + anchors.hashCode();
    }

    @Override
    public String toString() {
        return "StoryFingerprint[numbers=" + numbers() + ", names=" + names() + "]";
    }
}
