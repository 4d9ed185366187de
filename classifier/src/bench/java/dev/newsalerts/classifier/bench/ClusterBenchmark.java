package dev.newsalerts.classifier.bench;

import dev.newsalerts.classifier.domain.cluster.ClusterDecision;
import dev.newsalerts.classifier.domain.cluster.ClusterIndex;
import dev.newsalerts.classifier.domain.cluster.StoryFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Stories per second, one at a time on one thread, through the clustering step: the story's fingerprint
 * and its placement in a {@link ClusterIndex} that holds about {@code heads} heads. The stories are the
 * classifier benchmark's synthetic ones (title 12–30, summary 45–110 characters, news-like keyword share
 * 0.1), each under 2 of 20 rules. Time moves on a second a story and the window is 4/3 as many seconds as
 * {@code heads}, so the index stays at that many heads: each story's earlier copy has left the window and
 * it becomes a new head, except every fourth, a republication (one sentence added) of the story placed 101
 * stories before, which joins it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClusterBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final int RULES = 20;

    @Param({"10000", "100000"})
    public int heads;

    @Param({"en", "zh"})
    public String language;

    private List<SyntheticCorpus.Story> stories;
    private ClusterIndex index;
    private long placed;
    private long joined;

    @Setup
    public void setUp() {
        stories = new SyntheticCorpus(42).stories(language, 0.1, heads * 3, 13);
        index = new ClusterIndex(Duration.ofSeconds(heads * 4L / 3));
        for (placed = 0; placed < heads * 4L / 3; placed++) {
            placeNext();
        }
        joined = 0;
        System.out.printf("%n%s stories, window of %d s: %d heads%n", language, heads * 4L / 3, index.heads());
    }

    @TearDown
    public void tearDown() {
        System.out.printf("%n%d heads at the end; %d of %d stories joined a head%n", index.heads(), joined, placed - heads * 4L / 3);
    }

    @Benchmark
    public ClusterDecision fingerprintAndPlace() {
        ClusterDecision decision = placeNext();
        placed++;
        if (!decision.head()) {
            joined++;
        }
        return decision;
    }

    private ClusterDecision placeNext() {
        boolean republication = placed % 4 == 3 && placed > 100;
        long source = republication ? placed - 101 : placed; // 101 before is not itself a republication
        SyntheticCorpus.Story story = stories.get((int) (source % stories.size()));
        String lead = republication ? story.summary() + " More to follow." : story.summary();
        StoryFingerprint fingerprint = StoryFingerprint.of(story.title(), lead);
        Set<String> rules = Set.of("r" + source % RULES, "r" + (source % RULES + 1 + source / RULES % (RULES - 1)) % RULES);
        return index.place("s" + placed, rules, fingerprint, T0.plusSeconds(placed));
    }
}
