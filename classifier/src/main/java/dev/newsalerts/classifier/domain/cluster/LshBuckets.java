package dev.newsalerts.classifier.domain.cluster;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Locality-sensitive hashing over MinHash signatures: the 128 positions are cut into {@link #BANDS}
 * bands of {@link #ROWS}; two stories become candidates when any band is equal in both. With bands of 2,
 * a pair at similarity 0.2 is found 93% of the time, at 0.3 99.8%, while unrelated stories rarely
 * share a band. Kept as one open-addressing table of (band key, slot) pairs in two int arrays, 8 bytes a
 * pair (about 64 bytes a head per band... 512 bytes a head at half load): no boxing, no per-entry objects.
 * Entries are never removed one by one; the owner clears and refills the table when many heads are gone.
 */
final class LshBuckets {

    static final int ROWS = 2;
    static final int BANDS = MinHash.SIZE / ROWS;

    private int[] keys = new int[1024];
    /** Slot + 1 of the head an entry points to; 0 marks an empty entry. */
    private int[] slots = new int[1024];
    private int size;

    void add(StoryFingerprint fingerprint, int slot) {
        if ((size + BANDS) * 2 > slots.length) {
            grow();
        }
        for (int band = 0; band < BANDS; band++) {
            insert(bandKey(fingerprint, band), slot + 1);
        }
    }

    /** Calls back with the slot of every head that shares a band with the fingerprint (a slot may repeat). */
    void candidates(StoryFingerprint fingerprint, IntConsumer slotConsumer) {
        int mask = slots.length - 1;
        for (int band = 0; band < BANDS; band++) {
            int key = bandKey(fingerprint, band);
            for (int at = home(key, mask); slots[at] != 0; at = (at + 1) & mask) {
                if (keys[at] == key) {
                    slotConsumer.accept(slots[at] - 1);
                }
            }
        }
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(slots, 0);
        size = 0;
    }

    private void insert(int key, int slotPlusOne) {
        int mask = slots.length - 1;
        int at = home(key, mask);
        while (slots[at] != 0) {
            at = (at + 1) & mask;
        }
        keys[at] = key;
        slots[at] = slotPlusOne;
        size++;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new int[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        size = 0;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldKeys[i], oldSlots[i]);
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
