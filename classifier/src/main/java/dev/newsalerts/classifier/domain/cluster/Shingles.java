package dev.newsalerts.classifier.domain.cluster;

import dev.newsalerts.classifier.domain.cluster.StoryTokens.Kind;
import dev.newsalerts.classifier.domain.cluster.StoryTokens.Token;
import java.util.List;
import java.util.Set;

/**
 * The shingles of a story, as 64-bit hashes: for Latin-script text its content words (stop words left
 * out, light stemming so "cuts", "cutting" and "cut" meet) and each pair of neighbouring content words;
 * numbers count as words; for CJK text every pair of neighbouring characters. Single words let a
 * rewrite that keeps the facts but not the wording still share much; the pairs make a copy with small
 * edits score far above a rewrite.
 */
final class Shingles {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and", "or",
            "with", "by", "at", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this",
            "that", "these", "those", "will", "would", "could", "should", "can", "may", "has", "have", "had", "after",
            "over", "up", "than", "into", "about", "more", "also", "their", "they", "them", "which", "who", "whom",
            "not", "but", "said", "says", "say", "he", "she", "his", "her", "we", "our", "you", "your", "i", "s", "t",
            "new", "now", "so", "if", "all", "out", "per", "cent", "percent", "while", "amid", "other", "just",
            "what", "when", "where", "how", "why", "there", "here", "one", "some", "any", "most", "such", "do",
            "does", "did", "no", "yes", "very", "via", "between", "under", "against", "during", "before", "since");

    private Shingles() {
    }

    /** The distinct shingle hashes of the tokens (duplicates are harmless to MinHash). */
    static long[] of(List<Token> tokens) {
        LongList hashes = new LongList(tokens.size() * 3);
        String previous = null;
        for (Token token : tokens) {
            if (token.kind() == Kind.CJK) {
                addCharacterPairs(token.folded(), hashes);
                previous = null;
                continue;
            }
            String word = token.kind() == Kind.NUMBER ? token.folded() : contentWord(token.folded());
            if (word == null) {
                continue;
            }
            hashes.add(Hashing.hash64("w", word));
            if (previous != null) {
                hashes.add(Hashing.hash64(previous, word));
            }
            previous = word;
        }
        return hashes.toArray();
    }

    /** The stem of a folded Latin word, or null for a stop word or a single letter. */
    static String contentWord(String folded) {
        if (folded.length() < 2 || STOP_WORDS.contains(folded)) {
            return null;
        }
        return Stemming.stem(folded);
    }

    private static void addCharacterPairs(String run, LongList hashes) {
        int[] chars = run.codePoints().toArray();
        if (chars.length == 1) {
            hashes.add(Hashing.hash64("c", run));
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            hashes.add(Hashing.hash64(chars[i], chars[i + 1]));
        }
    }

    /** A growable array of longs, to avoid boxing. */
    private static final class LongList {
        private long[] values;
        private int size;

        LongList(int capacity) {
            values = new long[Math.max(capacity, 8)];
        }

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
