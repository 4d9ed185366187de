package dev.newsalerts.classifier.bench;

import dev.newsalerts.classifier.domain.RuleMatch;
import dev.newsalerts.classifier.domain.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
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
 * Stories per second, one story at a time on one thread, of the classifier's {@link RuleSet}
 * against Apache Lucene Monitor with the same rules and stories. The setup fails if the two
 * engines disagree on which rules match any story.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierBenchmark {

    private static final int STORIES = 1_000;

    @Param({"1000", "10000"})
    public int rules;

    @Param({"en", "zh", "mixed"})
    public String language;

    /** Share of a story's words that are some rule's keywords: 0.1 is news-like, 1.0 a stress test. */
    @Param({"0.1", "1.0"})
    public double keywords;

    private RuleSet ruleSet;
    private LuceneMonitorRules monitor;
    private List<SyntheticCorpus.Story> stories;
    private Document[] documents;
    private int next;

    @Setup
    public void setUp() {
        SyntheticCorpus corpus = new SyntheticCorpus(42);
        List<SyntheticCorpus.BenchRule> benchRules = corpus.rules(rules, 7);
        ruleSet = RuleSet.compile(SyntheticCorpus.yaml(benchRules).getBytes(StandardCharsets.UTF_8), "benchmark");
        monitor = new LuceneMonitorRules(benchRules);
        stories = corpus.stories(language, keywords, STORIES, 11);
        documents = stories.stream().map(LuceneMonitorRules::document).toArray(Document[]::new);
        long matches = 0;
        for (int s = 0; s < STORIES; s++) {
            Set<String> ours = new TreeSet<>(ruleSet.classify(stories.get(s).title(), stories.get(s).summary())
                    .stream().map(RuleMatch::ruleId).toList());
            Set<String> lucene = monitor.match(documents[s]);
            if (!ours.equals(lucene)) {
                throw new IllegalStateException("the engines disagree on story " + s + " " + stories.get(s)
                        + ": news-alerts " + ours + ", Lucene Monitor " + lucene);
            }
            matches += ours.size();
        }
        System.out.printf("%n%d rules, %s stories, keyword share %.1f: both engines agree on all %d stories"
                + " (%.2f matching rules per story)%n", rules, language, keywords, STORIES, matches / (double) STORIES);
    }

    @TearDown
    public void tearDown() throws IOException {
        monitor.close();
    }

    @Benchmark
    public int newsAlertsRuleSet() {
        SyntheticCorpus.Story story = stories.get(next++ % STORIES);
        return ruleSet.classify(story.title(), story.summary()).size();
    }

    @Benchmark
    public int luceneMonitor() {
        return monitor.matchCount(documents[next++ % STORIES]);
    }
}
