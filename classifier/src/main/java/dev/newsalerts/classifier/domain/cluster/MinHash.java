package dev.newsalerts.classifier.domain.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@link #SIZE} hash functions (h * a + b, the high 32 bits, with a
 * and b drawn once from a fixed seed), the least value over a story's shingles. The share of equal
 * positions in two signatures estimates the Jaccard similarity of the two shingle sets (standard
 * error about 0.04 at 0.3 with 128 positions).
 */
final class MinHash {

    static final int SIZE = 128;
    private static final long[] MULTIPLIERS = new long[SIZE];
    private static final long[] INCREMENTS = new long[SIZE];

    static {
        SplittableRandom random = new SplittableRandom(0x5EED_C1A5_7E25L);
        for (int i = 0; i < SIZE; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1L;
            INCREMENTS[i] = random.nextLong();
        }
    }

    private MinHash() {
    }

    static int[] signature(long[] shingles) {
        int[] signature = new int[SIZE];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < SIZE; i++) {
                int value = (int) ((shingle * MULTIPLIERS[i] + INCREMENTS[i]) >>> 32);
                if (value < signature[i]) {
                    signature[i] = value;
                }
            }
        }
        return signature;
    }

    static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) SIZE;
    }
}
