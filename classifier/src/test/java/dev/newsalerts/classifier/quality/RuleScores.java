package dev.newsalerts.classifier.quality;

import dev.newsalerts.classifier.domain.RuleMatch;
import dev.newsalerts.classifier.domain.RuleSet;
import dev.newsalerts.plaintext.PlainText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores rules on judged stories for the quality tests: the bundled rule file on the classpath
 * ({@code /rules.yaml}), text made plain as the feed-poller makes it ({@link PlainText}), and
 * {@link RuleSet#classify}.
 */
public final class RuleScores {

    static final String DISPUTE = "ms-openai-amazon-dispute";
    static final String PRICING = "cloud-pricing";

    /** One judged text: an id to list it by, what it says, and the rule ids a careful reader gives it. */
    public record Judged(String id, String title, String summary, Set<String> labels) {
    }

    /** Precision and recall of one rule on a set of judged texts, with the ids it got wrong. */
    public record Score(String rule, int truePositives, Set<String> falsePositives, Set<String> falseNegatives) {

        public double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives.size());
        }

        public double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives.size());
        }

        public String line() {
            return String.format(Locale.ROOT, "%-26s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)",
                    rule, precision(), recall(), truePositives, falsePositives.size(), falseNegatives.size());
        }
    }

    private RuleScores() {
    }

    public static RuleSet bundledRules() {
        try (InputStream in = RuleScores.class.getResourceAsStream("/rules.yaml")) {
            return RuleSet.compile(in.readAllBytes(), "rules.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the pipeline sees it: feed-poller makes the title one line and the summary plain text with its paragraphs. */
    static String plainTitle(String html) {
        return html == null ? "" : PlainText.line(html, Integer.MAX_VALUE);
    }

    static String plain(String html) {
        return html == null ? "" : PlainText.of(html);
    }

    static Set<String> fired(RuleSet rules, String title, String summary) {
        Set<String> fired = new TreeSet<>();
        for (RuleMatch match : rules.classify(plainTitle(title), plain(summary))) {
            fired.add(match.ruleId());
        }
        return fired;
    }

    public static List<Score> score(RuleSet rules, List<Judged> texts) {
        List<Set<String>> fired = texts.stream().map(text -> fired(rules, text.title(), text.summary())).toList();
        List<Score> scores = new ArrayList<>();
        for (String rule : rules.ruleIds()) {
            int truePositives = 0;
            Set<String> falsePositives = new TreeSet<>();
            Set<String> falseNegatives = new TreeSet<>();
            for (int i = 0; i < texts.size(); i++) {
                boolean alerted = fired.get(i).contains(rule);
                boolean wanted = texts.get(i).labels().contains(rule);
                if (alerted && wanted) {
                    truePositives++;
                } else if (alerted) {
                    falsePositives.add(texts.get(i).id());
                } else if (wanted) {
                    falseNegatives.add(texts.get(i).id());
                }
            }
            scores.add(new Score(rule, truePositives, falsePositives, falseNegatives));
        }
        return scores;
    }
}
