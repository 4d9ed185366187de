package dev.newsalerts.classifier.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The counted evidence of a lookup's hot path says what the full comparison of the anchors says. */
class AnchorEvidenceTest {

    private static final String[] NUMBERS = {"12", "20", "35", "1.5", "400", "4090"};
    private static final String[] NAMES = {"azure", "openai", "bedrock", "jassy", "nadella"};

    @Test
    void countedEvidenceAgreesWithTheFullComparisonOnRandomAnchors() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            Anchors story = new Anchors(List.copyOf(some(random, NUMBERS)), List.copyOf(some(random, NAMES)));
            Anchors head = new Anchors(List.copyOf(some(random, NUMBERS)), List.copyOf(some(random, NAMES)));
            AnchorComparison full = AnchorComparison.of(story, head);
            Evidence expected = Evidence.of(full.numbersConflict(), full.numbersEqual(), full.sharedNumbers().size(),
                    full.numbersOneSided(), full.sharedNames().size(), 2);
            assertThat(AnchorComparison.evidence(story, head, 2)).as("%s against %s", story, head).isEqualTo(expected);
        }
    }

    @Test
    void sameNumbersAgreeAndNewNumbersOnBothSidesConflict() {
        Anchors cut20 = new Anchors(sorted("20", "400"), sorted("azure"));
        assertThat(AnchorComparison.evidence(cut20, new Anchors(sorted("20", "400"), sorted()), 2)).isEqualTo(Evidence.NUMBERS_AGREE);
        assertThat(AnchorComparison.evidence(cut20, new Anchors(sorted("35", "400"), sorted()), 2)).isEqualTo(Evidence.NUMBERS_CONFLICT);
        assertThat(AnchorComparison.evidence(cut20, new Anchors(sorted("20"), sorted()), 2)).isEqualTo(Evidence.SOME_NUMBERS_AGREE);
        assertThat(AnchorComparison.evidence(new Anchors(sorted(), sorted("azure", "openai")),
                new Anchors(sorted(), sorted("openai", "azure", "jassy")), 2)).isEqualTo(Evidence.NAMES_AGREE);
    }

    private static List<String> sorted(String... values) {
        return List.of(values);
    }

    private static TreeSet<String> some(Random random, String[] values) {
        TreeSet<String> chosen = new TreeSet<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }
}
