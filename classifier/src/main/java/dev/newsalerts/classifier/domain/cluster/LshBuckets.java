package dev.newsalerts.classifier.domain.cluster;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Locality-sensitive hashing over MinHash signatures: the first {@link #BANDS} × {@link #ROWS} positions
 * are cut into bands of {@link #ROWS}; two stories become candidates when any band is equal in both. With
 * 32 bands of 2, a pair at similarity 0.2 is found 73% of the time, at 0.3 95%, at 0.4 99.5%; pairs that
 * rely on lower similarity (rewrites that keep the numbers) are found through their numbers
 * ({@link NumberBuckets}). Unrelated stories rarely share a band, so a lookup judges few heads; each band is
 * one probe into one open-addressing table of longs (band key and slot together, one cache miss), 16 bytes
 * a band and head at half load. Entries are never removed one by one: the owner clears and refills the
 * table when many heads are gone.
 */
final class LshBuckets {

    static final int ROWS = 2;
    static final int BANDS = 32;
    /**
     * Heads kept under one band key: the newest. Many stories alike but for their numbers (a price
     * list, a flood of one template) share every band; without a cap each lookup and each insert
     * walked all of them, and clustering fell behind at a few hundred alerts a second. Older heads
     * of such a crowd stay findable by their numbers ({@link NumberBuckets}).
     */
    static final int HEADS_PER_KEY = 32;

    /** Band key in the high 32 bits, slot + 1 of the head in the low ones; 0 marks an empty entry. */
    private long[] entries = new long[1024];
    private int size;

    void add(StoryFingerprint fingerprint, int slot) {
        if ((size + BANDS) * 2 > entries.length) {
            grow();
        }
        for (int band = 0; band < BANDS; band++) {
            insertNewest(bandKey(fingerprint, band), slot + 1);
        }
    }

    /** Inserts the entry, or where the key holds {@link #HEADS_PER_KEY} heads already, puts it in place of its oldest. */
    private void insertNewest(int key, int slotPlusOne) {
        int mask = entries.length - 1;
        int held = 0;
        int oldest = -1;
        int at = home(key, mask);
        for (; entries[at] != 0; at = (at + 1) & mask) {
            if ((int) (entries[at] >>> 32) == key) {
                held++;
                if (oldest < 0 || (int) entries[at] < (int) entries[oldest]) {
                    oldest = at;
                }
            }
        }
        if (held >= HEADS_PER_KEY) {
            entries[oldest] = entry(key, slotPlusOne); // slots grow with time: the smallest is the oldest head
        } else {
            entries[at] = entry(key, slotPlusOne);
            size++;
        }
    }

    /** Calls back with the slot of every head that shares a band with the fingerprint (a slot may repeat). */
    void candidates(StoryFingerprint fingerprint, IntConsumer slotConsumer) {
        int mask = entries.length - 1;
        for (int band = 0; band < BANDS; band++) {
            int key = bandKey(fingerprint, band);
            for (int at = home(key, mask); entries[at] != 0; at = (at + 1) & mask) {
                if ((int) (entries[at] >>> 32) == key) {
                    slotConsumer.accept((int) entries[at] - 1);
                }
            }
        }
    }

    void clear() {
        Arrays.fill(entries, 0);
        size = 0;
    }

    private static long entry(int key, int slotPlusOne) {
        return (long) key << 32 | (slotPlusOne & 0xFFFFFFFFL);
    }

    private void insert(long entry) {
        int mask = entries.length - 1;
        int at = home((int) (entry >>> 32), mask);
        while (entries[at] != 0) {
            at = (at + 1) & mask;
        }
        entries[at] = entry;
        size++;
    }

    private void grow() {
        long[] old = entries;
        entries = new long[old.length * 2];
        size = 0;
        for (long entry : old) {
            if (entry != 0) {
                insert(entry);
            }
        }
    }

    private static int bandKey(StoryFingerprint fingerprint, int band) {
        long h = band;
        for (int row = 0; row < ROWS; row++) {
            h = h * 0x9E3779B97F4A7C15L + fingerprint.signatureAt(band * ROWS + row);
        }
        return (int) Hashing.mix(h);
    }

    private static int home(int key, int mask) {
        return (key * 0x85EBCA6B) >>> 7 & mask;
    }
}
