package dev.newsalerts.classifier.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final StoryFingerprint WIRE = StoryFingerprint.of("AWS lowers prices for Graviton instances by 20%",
            "Amazon Web Services cut on-demand prices for its Arm-based Graviton instances by 20% in all regions, effective March 1, the company said.");
    private static final StoryFingerprint REPUBLISHED = StoryFingerprint.of("AWS lowers prices for Graviton instances by 20%",
            "Amazon Web Services has cut on-demand prices for its Arm-based Graviton instances by 20% in all regions, effective March 1.");
    private static final StoryFingerprint REWRITE = StoryFingerprint.of("Amazon makes its Arm servers a fifth cheaper",
            "Customers renting AWS Graviton virtual machines on demand will pay 20% less from March 1, Amazon said.");
    private static final StoryFingerprint OTHER_CUT = StoryFingerprint.of("AWS lowers prices for Graviton instances by 35%",
            "Amazon Web Services cut on-demand prices for its Arm-based Graviton instances by 35% in five regions, effective June 15, the company said.");

    @Test
    void aCopyJoinsTheFirstStoryWhichIsTheHead() {
        ClusterIndex index = new ClusterIndex();

        ClusterDecision first = index.place("wire", Set.of("cloud"), WIRE, T0);
        ClusterDecision copy = index.place("copy", Set.of("cloud"), REPUBLISHED, T0.plusSeconds(600));

        assertThat(first.head()).isTrue();
        assertThat(first.similarity()).isEqualTo(1.0);
        assertThat(first.clusterId()).isEqualTo("wire");
        assertThat(copy.head()).isFalse();
        assertThat(copy.clusterId()).isEqualTo("wire");
        assertThat(copy.headStoryId()).isEqualTo("wire");
        assertThat(copy.similarity()).isGreaterThan(0.5);
        assertThat(copy.explanation()).startsWith("joined wire at similarity").contains("numbers agree: 20");
    }

    @Test
    void aRewriteWithTheSameNumbersJoinsButTheSameWordingWithOtherNumbersDoesNot() {
        ClusterIndex index = new ClusterIndex();
        index.place("wire", Set.of("cloud"), WIRE, T0);

        ClusterDecision rewrite = index.place("rewrite", Set.of("cloud"), REWRITE, T0.plusSeconds(3600));
        ClusterDecision otherCut = index.place("other-cut", Set.of("cloud"), OTHER_CUT, T0.plusSeconds(7200));

        assertThat(rewrite.clusterId()).isEqualTo("wire");
        assertThat(otherCut.head()).isTrue();
        assertThat(otherCut.explanation()).contains("closest was wire").contains("numbers conflict");
    }

    @Test
    void placingAStoryAgainGivesTheSameDecisionAndNoNewHead() {
        ClusterIndex index = new ClusterIndex();
        ClusterDecision first = index.place("wire", Set.of("cloud"), WIRE, T0);
        ClusterDecision copy = index.place("copy", Set.of("cloud"), REPUBLISHED, T0.plusSeconds(60));

        assertThat(index.place("wire", Set.of("cloud"), WIRE, T0.plusSeconds(120))).isEqualTo(first);
        assertThat(index.place("copy", Set.of("other-rule"), OTHER_CUT, T0.plusSeconds(180))).isEqualTo(copy);
        assertThat(index.heads()).isEqualTo(1);
        assertThat(index.stories()).isEqualTo(2);
    }

    @Test
    void aStoryJoinsOnlyAHeadThatSharesOneOfItsRules() {
        ClusterIndex index = new ClusterIndex();
        index.place("wire", Set.of("cloud-pricing"), WIRE, T0);

        ClusterDecision otherRule = index.place("copy-1", Set.of("amazon"), REPUBLISHED, T0.plusSeconds(60));
        ClusterDecision overlapping = index.place("copy-2", Set.of("amazon", "cloud-pricing"), REPUBLISHED, T0.plusSeconds(120));

        assertThat(otherRule.head()).isTrue();
        assertThat(overlapping.clusterId()).isIn("wire", "copy-1");
        assertThat(overlapping.head()).isFalse();
    }

    @Test
    void headsOlderThanTheWindowAreForgotten() {
        ClusterIndex index = new ClusterIndex(Duration.ofHours(72));
        index.place("wire", Set.of("cloud"), WIRE, T0);

        ClusterDecision withinWindow = index.place("copy-1", Set.of("cloud"), REPUBLISHED, T0.plus(Duration.ofHours(71)));
        ClusterDecision afterWindow = index.place("copy-2", Set.of("cloud"), REPUBLISHED, T0.plus(Duration.ofHours(73)));

        assertThat(withinWindow.clusterId()).isEqualTo("wire");
        assertThat(afterWindow.head()).isTrue();
        assertThat(afterWindow.explanation()).contains("no similar story").contains("72 h");
        assertThat(index.heads()).isEqualTo(1);
        assertThat(index.stories()).isEqualTo(2);
    }

    @Test
    void traditionalAndSimplifiedCopiesMeet() {
        ClusterIndex index = new ClusterIndex();
        index.place("zh-hans", Set.of("ai"), StoryFingerprint.of("阿里云通义千问大模型API降价97%",
                "阿里云宣布通义千问系列大模型API价格大幅下调，主力模型降幅达97%，百万tokens价格降至0.5元。"), T0);

        ClusterDecision traditional = index.place("zh-hant", Set.of("ai"), StoryFingerprint.of("阿里雲通義千問大模型API降價97%",
                "阿里雲宣布通義千問系列大模型API價格大幅下調，主力模型降幅達97%，百萬tokens價格降至0.5元。"), T0.plusSeconds(900));

        assertThat(traditional.clusterId()).isEqualTo("zh-hans");
        assertThat(traditional.similarity()).isEqualTo(1.0);
    }

    @Test
    void anIndexRebuiltFromTheRecordsDecidesAsTheOriginal() {
        ClusterIndex original = new ClusterIndex();
        List<ClusterRecord> records = new ArrayList<>();
        record Placement(String id, StoryFingerprint fingerprint, long minutes) {
        }
        List<Placement> placements = List.of(new Placement("wire", WIRE, 0), new Placement("copy", REPUBLISHED, 5),
                new Placement("other-cut", OTHER_CUT, 10), new Placement("rewrite", REWRITE, 20));
        for (Placement p : placements) {
            Instant at = T0.plus(Duration.ofMinutes(p.minutes()));
            ClusterDecision decision = original.place(p.id(), Set.of("cloud"), p.fingerprint(), at);
            records.add(ClusterRecord.of(p.id(), Set.of("cloud"), p.fingerprint(), at, decision));
        }

        ClusterIndex rebuilt = new ClusterIndex();
        records.forEach(rebuilt::remember);

        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            assertThat(rebuilt.place(p.id(), Set.of("cloud"), p.fingerprint(), T0.plus(Duration.ofHours(1))))
                    .isEqualTo(records.get(i).decision());
        }
        StoryFingerprint late = StoryFingerprint.of("AWS cuts Graviton prices by 35% in five regions",
                "From June 15 Amazon Web Services charges 35% less for on-demand Arm-based Graviton instances.");
        Instant later = T0.plus(Duration.ofHours(2));
        assertThat(rebuilt.place("late", Set.of("cloud"), late, later)).isEqualTo(original.place("late", Set.of("cloud"), late, later));
        assertThat(rebuilt.heads()).isEqualTo(original.heads());
    }

    @Test
    void recordsOlderThanTheWindowAreNotRemembered() {
        ClusterIndex index = new ClusterIndex(Duration.ofHours(72));
        ClusterRecord old = ClusterRecord.of("old", Set.of("cloud"), WIRE, T0, ClusterDecision.newHead("old", "new head"));
        ClusterRecord recent = ClusterRecord.of("recent", Set.of("cloud"), OTHER_CUT, T0.plus(Duration.ofDays(4)),
                ClusterDecision.newHead("recent", "new head"));

        index.remember(recent);
        index.remember(old);

        assertThat(index.heads()).isEqualTo(1);
        assertThat(index.place("copy", Set.of("cloud"), REPUBLISHED, T0.plus(Duration.ofDays(4))).head()).isTrue();
    }

    @Test
    void aRecordKeepsTheStoryItsClusterAndTheFingerprintText() {
        ClusterDecision decision = new ClusterIndex().place("wire", Set.of("b", "a"), WIRE, T0);

        ClusterRecord record = ClusterRecord.of("wire", Set.of("b", "a"), WIRE, T0, decision);

        assertThat(record.ruleIds()).containsExactly("a", "b");
        assertThat(record.head()).isTrue();
        assertThat(StoryFingerprint.decode(record.fingerprint())).isEqualTo(WIRE);
        assertThat(record.decision()).isEqualTo(decision);
    }

    @Test
    void manyHeadsStayFindableAndForgettable() {
        ClusterIndex index = new ClusterIndex(Duration.ofHours(1));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String[] last = null;
        for (int i = 0; i < 20_000; i++) {
            last = new String[] {words(random, 8), words(random, 25)};
            index.place("s" + i, Set.of("r"), StoryFingerprint.of(last[0], last[1]), T0.plusMillis(i * 250L));
        }
        assertThat(index.heads()).isEqualTo(14_401); // one hour of stories, every 250 ms
        ClusterDecision copy = index.place("copy", Set.of("r"), StoryFingerprint.of(last[0], last[1] + " More to follow."),
                T0.plusMillis(20_000 * 250L));
        assertThat(copy.clusterId()).isEqualTo("s19999");
    }

    /** Words drawn from 20,000 made-up ones, so that stories share words as unrelated news does. */
    private static String words(java.util.SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(Integer.toString(random.nextInt(20_000) + 20_000, 36).replaceAll("[0-9]", "q"));
        }
        return text.toString();
    }
}
