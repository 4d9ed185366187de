package dev.newsalerts.classifier.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A crowd of stories alike in every band keeps lookups short: the newest of them are found, not all. */
class LshBucketsTest {

    @Test
    void aBandKeyHoldsTheNewestHeadsOnly() {
        LshBuckets buckets = new LshBuckets();
        StoryFingerprint alike = StoryFingerprint.of("AWS raises prices for EC2 GPU instances", "Prices go up in every region.");
        for (int slot = 0; slot < 5_000; slot++) {
            buckets.add(alike, slot);
        }

        Set<Integer> found = new TreeSet<>();
        buckets.candidates(alike, found::add);

        assertThat(found).hasSize(LshBuckets.HEADS_PER_KEY);
        assertThat(found).as("the newest heads").allMatch(slot -> slot >= 5_000 - LshBuckets.HEADS_PER_KEY);
    }

    @Test
    void storiesOfOtherBandsAreStillFound() {
        LshBuckets buckets = new LshBuckets();
        StoryFingerprint alike = StoryFingerprint.of("AWS raises prices for EC2 GPU instances", "Prices go up in every region.");
        StoryFingerprint other = StoryFingerprint.of("阿里云宣布部分云服务器涨价", "存储芯片成本上涨。");
        buckets.add(other, 0);
        for (int slot = 1; slot < 2_000; slot++) {
            buckets.add(alike, slot);
        }

        Set<Integer> found = new TreeSet<>();
        buckets.candidates(other, found::add);

        assertThat(found).containsExactly(0);
    }
}
