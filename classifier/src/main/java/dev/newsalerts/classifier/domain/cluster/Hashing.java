package dev.newsalerts.classifier.domain.cluster;

/**
 * 64-bit hashes of shingles (FNV-1a over the characters, finished with MurmurHash3's mixer). They are
 * stored inside encoded fingerprints, so they must never change within one fingerprint version.
 */
final class Hashing {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {
    }

    static long hash64(String first, String second) {
        long h = FNV_OFFSET;
        h = feed(h, first);
        h = (h ^ 0x1F) * FNV_PRIME; // a separator no text contains, so "ab"+"c" differs from "a"+"bc"
        h = feed(h, second);
        return mix(h);
    }

    static long hash64(int firstCodePoint, int secondCodePoint) {
        long h = FNV_OFFSET;
        h = (h ^ firstCodePoint) * FNV_PRIME;
        h = (h ^ 0x1F) * FNV_PRIME;
        h = (h ^ secondCodePoint) * FNV_PRIME;
        return mix(h);
    }

    private static long feed(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
