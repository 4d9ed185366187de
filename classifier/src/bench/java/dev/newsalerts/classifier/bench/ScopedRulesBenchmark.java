package dev.newsalerts.classifier.bench;

import dev.newsalerts.classifier.domain.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * What scopes cost: the rules and stories of {@link ClassifierBenchmark} (stories cut into
 * sentences of about eight words), each rule as it is ({@code none}), or with {@code within:
 * sentence}, {@code fields: [lead]} or {@code mentions} of its first group. Lucene Monitor is not
 * run: it has no sentences. The setup fails unless each scoped rule fires on a subset of the stories
 * its unscoped twin fires on, and prints how many fire.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScopedRulesBenchmark {

    private static final int STORIES = 1_000;

    @Param({"10000"})
    public int rules;

    @Param({"en", "zh"})
    public String language;

    @Param({"0.1", "1.0"})
    public double keywords;

    @Param({"none", "sentence", "lead", "mentions"})
    public String scope;

    private RuleSet ruleSet;
    private List<SyntheticCorpus.Story> stories;
    private int next;

    @Setup
    public void setUp() {
        SyntheticCorpus corpus = new SyntheticCorpus(42);
        List<SyntheticCorpus.BenchRule> benchRules = corpus.rules(rules, 7);
        String more = switch (scope) {
            case "sentence" -> "    within: sentence\n";
            case "lead" -> "    fields: [lead]\n";
            case "mentions" -> "    mentions: {%sg0: 2}\n";
            default -> "";
        };
        StringBuilder yaml = new StringBuilder(SyntheticCorpus.yaml(benchRules, ""));
        if (!more.isEmpty()) {
            yaml.setLength(0);
            yaml.append(SyntheticCorpus.yaml(benchRules, "@@"));
            for (SyntheticCorpus.BenchRule rule : benchRules) {
                int at = yaml.indexOf("@@");
                yaml.replace(at, at + 2, more.formatted(rule.id()));
            }
        }
        ruleSet = RuleSet.compile(yaml.toString().getBytes(StandardCharsets.UTF_8), "scoped benchmark");
        RuleSet plain = RuleSet.compile(SyntheticCorpus.yaml(benchRules).getBytes(StandardCharsets.UTF_8), "plain");
        stories = corpus.stories(language, keywords, STORIES, 11).stream()
                .map(story -> new SyntheticCorpus.Story(sentences(story.title()), sentences(story.summary()))).toList();
        long scoped = 0;
        long unscoped = 0;
        for (SyntheticCorpus.Story story : stories) {
            var ours = ruleSet.classify(story.title(), story.summary()).stream().map(match -> match.ruleId()).toList();
            var theirs = plain.classify(story.title(), story.summary()).stream().map(match -> match.ruleId()).toList();
            if (!theirs.containsAll(ours)) {
                throw new IllegalStateException("a scoped rule fired where its unscoped twin did not: " + story);
            }
            scoped += ours.size();
            unscoped += theirs.size();
        }
        System.out.printf("%n%s: %.2f matching rules per story, %.2f without the scope%n", scope, scoped / (double) STORIES,
                unscoped / (double) STORIES);
    }

    /** The text with a full stop after every eighth word (a 。 after every eighth Chinese word). */
    private static String sentences(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean chinese = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
            if (c == ' ' && ++words % 8 == 0) {
                out.append(". ");
                continue;
            }
            out.append(c);
            if (chinese && i % 2 == 1 && ++words % 8 == 0) {
                out.append('。');
            }
        }
        return out.toString();
    }

    @Benchmark
    public int newsAlertsRuleSet() {
        SyntheticCorpus.Story story = stories.get(next++ % STORIES);
        return ruleSet.classify(story.title(), story.summary()).size();
    }
}
