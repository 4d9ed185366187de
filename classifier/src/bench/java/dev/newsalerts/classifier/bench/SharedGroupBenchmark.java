package dev.newsalerts.classifier.bench;

import dev.newsalerts.classifier.domain.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rules made from one template, as a product with a rule per customer or per company would have:
 * rule i is "company i and an earnings word", the 30 earnings words one group that every rule
 * names. Each story names one company and five earnings words, so it fires exactly one rule while
 * its earnings words concern all of them. The setup fails unless every story fires exactly its
 * company's rule.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SharedGroupBenchmark {

    private static final int STORIES = 1_000;
    private static final int EARNINGS_WORDS = 30;

    @Param({"1000", "10000"})
    public int rules;

    private RuleSet ruleSet;
    private final List<String> titles = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        StringBuilder yaml = new StringBuilder("groups:\n  earnings: [");
        for (int w = 0; w < EARNINGS_WORDS; w++) {
            yaml.append(w == 0 ? "" : ", ").append("earnword").append(w);
        }
        yaml.append("]\n");
        for (int r = 0; r < rules; r++) {
            yaml.append("  company").append(r).append(": [company").append(r).append("]\n");
        }
        yaml.append("rules:\n");
        for (int r = 0; r < rules; r++) {
            yaml.append("  - {id: r").append(r).append(", all: [company").append(r).append(", earnings]}\n");
        }
        ruleSet = RuleSet.compile(yaml.toString().getBytes(StandardCharsets.UTF_8), "shared-group benchmark");
        Random random = new Random(17);
        for (int s = 0; s < STORIES; s++) {
            int company = random.nextInt(rules);
            StringBuilder title = new StringBuilder("company").append(company).append(" reports");
            for (int k = 0; k < 5; k++) {
                title.append(" earnword").append(random.nextInt(EARNINGS_WORDS)).append(" and more");
            }
            titles.add(title.toString());
            var matches = ruleSet.classify(title.toString(), "quarterly figures");
            if (matches.size() != 1 || !matches.get(0).ruleId().equals("r" + company)) {
                throw new IllegalStateException("story " + s + " should fire r" + company + " alone: " + matches);
            }
        }
    }

    @Benchmark
    public int newsAlertsRuleSet() {
        return ruleSet.classify(titles.get(next++ % STORIES), "quarterly figures").size();
    }
}
