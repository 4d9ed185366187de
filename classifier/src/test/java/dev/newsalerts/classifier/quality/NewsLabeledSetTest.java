package dev.newsalerts.classifier.quality;

import static dev.newsalerts.classifier.quality.RuleScores.DISPUTE;
import static dev.newsalerts.classifier.quality.RuleScores.PRICING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.ibm.icu.text.Transliterator;
import dev.newsalerts.classifier.domain.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labeled news set of issue 13: stories written in our own words, modeled on real reporting that
 * was read (see {@code labeled/READ.tsv}), labeled by the definitions of {@code ../shared/docs/DOMAIN.md}
 * only. {@code labeled/news-tuning.yaml} (about two thirds) is for tuning the rules; {@code
 * labeled/news-holdout.yaml} (about one third, stratified by language and label) is held out.
 *
 * <p>The tests check the set's shape and print each default rule's precision and recall on both
 * files, with the stories it gets wrong; a separate test holds the default rules to the issue's targets
 * on the held-out set.
 */
class NewsLabeledSetTest {

    /** Issue 13: on the held-out set, each default rule at least this precise... */
    static final double TARGET_PRECISION = 0.95;
    /** ...and finding at least this share of the stories it should. */
    static final double TARGET_RECALL = 0.95;

    static final int MIN_STORIES = 300;
    static final Set<String> LANGUAGES = Set.of("en", "zh-hans", "zh-hant");

    /** Negatives of the kinds the issue lists: texts a keyword rule easily mistakes for the real thing. */
    static final Set<String> REQUIRED_HARD_NEGATIVE_KINDS = Set.of("digest", "earnings-capex", "gatekeeper-regulation",
            "copyright-suit", "musk-suit", "togetherness", "amazon-nature", "cloud-seeding", "app-store-price",
            "fuel-price", "memory-chip-price", "consumer-subscription", "cost-howto", "price-war-essay",
            "launch-no-change", "free-cloud-sync");
    /** Further hard negatives: cloud firms' revenue or share price, other news of the three firms. */
    static final Set<String> OTHER_HARD_NEGATIVE_KINDS = Set.of("cloud-revenue-stock", "other-firm-news");
    /** Every kind of cloud price change real reporting covers. */
    static final Set<String> PRICING_KINDS = Set.of("hyperscaler", "regional-provider", "gpu-rental", "storage",
            "egress", "reserved", "model-api", "model-free");
    /** Every facet of the dispute. */
    static final Set<String> DISPUTE_KINDS = Set.of("exclusivity", "licence-ip", "revenue-share", "stateful-stateless",
            "litigation", "antitrust", "rewrite-2026", "multi-cloud", "investment-deal", "restructuring");

    record NewsStory(String id, String lang, String kind, String title, String summary, List<String> labels, String why) {

        boolean negative() {
            return labels.isEmpty();
        }

        boolean hardNegative() {
            return negative() && why != null && !why.isBlank()
                    && (REQUIRED_HARD_NEGATIVE_KINDS.contains(kind) || OTHER_HARD_NEGATIVE_KINDS.contains(kind));
        }

        String labelClass() {
            return negative() ? "neither" : String.join("+", labels);
        }

        String text() {
            return title + " " + summary;
        }
    }

    record NewsSet(List<NewsStory> stories) {
    }

    static List<NewsStory> tuning;
    static List<NewsStory> holdout;
    static RuleSet rules;

    @BeforeAll
    static void load() throws IOException {
        tuning = read("/labeled/news-tuning.yaml");
        holdout = read("/labeled/news-holdout.yaml");
        rules = RuleScores.bundledRules();
    }

    private static List<NewsStory> read(String resource) throws IOException {
        try (InputStream in = NewsLabeledSetTest.class.getResourceAsStream(resource)) {
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, NewsSet.class).stories();
        }
    }

    private static List<NewsStory> all() {
        return Stream.concat(tuning.stream(), holdout.stream()).toList();
    }

    @Test
    void theSetHoldsAtLeast300StoriesAFifthToAThirdOfThemHeldOut() {
        // Each blind set joins the tuning set once scored, so the held-out share falls round by round: a fifth at least.
        assertThat(all()).hasSizeGreaterThanOrEqualTo(MIN_STORIES);
        assertThat(holdout).hasSizeGreaterThanOrEqualTo(150);
        double heldOut = holdout.size() / (double) all().size();
        assertThat(heldOut).as("share held out").isBetween(0.2, 0.38);
    }

    @Test
    void everyStoryHasAUniqueIdALanguageATitleASummaryAndKnownLabels() {
        Set<String> ids = new HashSet<>();
        for (NewsStory story : all()) {
            assertThat(ids.add(story.id())).as("unique id %s", story.id()).isTrue();
            assertThat(story.lang()).as(story.id()).isIn(LANGUAGES);
            assertThat(story.title()).as(story.id()).isNotBlank();
            assertThat(story.summary()).as(story.id()).isNotBlank();
            assertThat(story.kind()).as(story.id()).isNotBlank();
            assertThat(story.labels()).as(story.id()).isSubsetOf(rules.ruleIds());
        }
    }

    @Test
    void chineseIsAtLeastAThirdOfEachFileAndEachStoryIsInTheScriptItsLanguageSays() {
        for (List<NewsStory> set : List.of(tuning, holdout)) {
            long chinese = set.stream().filter(story -> story.lang().startsWith("zh")).count();
            assertThat(chinese / (double) set.size()).isGreaterThanOrEqualTo(1 / 3.0);
            assertThat(set).extracting(NewsStory::lang).contains("en", "zh-hans", "zh-hant");
        }
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        Transliterator toTraditional = Transliterator.getInstance("Simplified-Traditional");
        for (NewsStory story : all()) {
            String text = story.text();
            switch (story.lang()) {
                case "en" -> assertThat(text.codePoints().noneMatch(NewsLabeledSetTest::han)).as("%s has no Han", story.id()).isTrue();
                case "zh-hans" -> {
                    assertThat(changed(toTraditional, text)).as("%s has simplified forms", story.id()).isPositive();
                    assertThat(changed(toSimplified, text)).as("%s has (almost) no traditional forms", story.id()).isLessThanOrEqualTo(1);
                }
                default -> {
                    assertThat(changed(toSimplified, text)).as("%s has traditional forms", story.id()).isPositive();
                    assertThat(changed(toTraditional, text)).as("%s has (almost) no simplified forms", story.id()).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    /**
     * How many characters a script conversion changes: none or one for a text already in that script (a
     * proper name such as 昇腾 may keep a character the converter maps), several for the other script.
     */
    private static long changed(Transliterator converter, String text) {
        int[] before = text.codePoints().toArray();
        int[] after = converter.transliterate(text).codePoints().toArray();
        if (before.length != after.length) {
            return before.length;
        }
        return IntStream.range(0, before.length).filter(i -> before[i] != after[i]).count();
    }

    private static boolean han(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    @Test
    void atLeastHalfOfEachFileAreHardNegativesOfEveryKindTheIssueLists() {
        for (List<NewsStory> set : List.of(tuning, holdout)) {
            long hard = set.stream().filter(NewsStory::hardNegative).count();
            assertThat(hard / (double) set.size()).as("share of hard negatives").isGreaterThanOrEqualTo(0.5);
        }
        assertThat(all().stream().filter(NewsStory::hardNegative).map(NewsStory::kind).collect(Collectors.toSet()))
                .containsAll(REQUIRED_HARD_NEGATIVE_KINDS);
        assertThat(all().stream().filter(NewsStory::negative).map(NewsStory::kind))
                .allMatch(kind -> REQUIRED_HARD_NEGATIVE_KINDS.contains(kind) || OTHER_HARD_NEGATIVE_KINDS.contains(kind)
                        || kind.equals("unrelated"));
    }

    @Test
    void positivesCoverEveryKindOfCloudPriceChangeAndEveryFacetOfTheDispute() {
        Set<String> pricing = kindsOf(story -> story.labels().contains(PRICING) && !story.labels().contains(DISPUTE));
        Set<String> dispute = kindsOf(story -> story.labels().contains(DISPUTE) && !story.labels().contains(PRICING));
        assertThat(pricing).containsAll(PRICING_KINDS);
        assertThat(PRICING_KINDS).containsAll(pricing);
        assertThat(dispute).containsAll(DISPUTE_KINDS);
        assertThat(DISPUTE_KINDS).containsAll(dispute);
        for (List<NewsStory> set : List.of(tuning, holdout)) {
            for (String lang : LANGUAGES) {
                assertThat(set).as("%s stories about each rule", lang).anyMatch(s -> s.lang().equals(lang) && s.labels().contains(DISPUTE));
                assertThat(set).as("%s stories about each rule", lang).anyMatch(s -> s.lang().equals(lang) && s.labels().contains(PRICING));
            }
        }
    }

    private static Set<String> kindsOf(Predicate<NewsStory> which) {
        return all().stream().filter(which).map(NewsStory::kind).collect(Collectors.toSet());
    }

    @Test
    void theHoldoutIsStratifiedByLanguageAndLabelAndNoEasierThanTheTuningSet() {
        Map<String, Integer> total = strata(all());
        Map<String, Integer> held = strata(holdout);
        total.forEach((stratum, count) -> {
            if (count >= 6) {
                double share = held.getOrDefault(stratum, 0) / (double) count;
                assertThat(share).as("held-out share of %s", stratum).isBetween(0.1, 0.45);
            }
        });
        assertThat(hardShare(holdout)).as("hard negatives held out vs tuning").isGreaterThanOrEqualTo(hardShare(tuning) - 0.05);
    }

    private static Map<String, Integer> strata(List<NewsStory> stories) {
        Map<String, Integer> strata = new TreeMap<>();
        stories.forEach(story -> strata.merge(story.lang() + " " + story.labelClass(), 1, Integer::sum));
        return strata;
    }

    private static double hardShare(List<NewsStory> stories) {
        return stories.stream().filter(NewsStory::hardNegative).count() / (double) stories.size();
    }

    @Test
    void printsThePrecisionAndRecallOfEachDefaultRuleOnBothFiles() {
        StringBuilder report = new StringBuilder();
        report.append(composition("news-tuning", tuning)).append(composition("news-holdout", holdout));
        List<RuleScores.Score> tuningScores = score(tuning);
        List<RuleScores.Score> holdoutScores = score(holdout);
        report.append(scores("news-tuning", tuning, tuningScores)).append(scores("news-holdout", holdout, holdoutScores));
        System.out.println(report);
        assertThat(tuningScores).extracting(RuleScores.Score::rule).containsExactlyInAnyOrderElementsOf(rules.ruleIds());
        assertThat(holdoutScores).allMatch(score -> score.truePositives() + score.falseNegatives().size() > 0);
    }

    @Test
    void eachDefaultRuleMeetsTheIssueTargetsOnTheHeldOutSet() {
        List<RuleScores.Score> scores = score(holdout);
        System.out.println(scores("news-holdout", holdout, scores));
        assertThat(scores).allSatisfy(score -> {
            assertThat(score.precision()).as(score.line()).isGreaterThanOrEqualTo(TARGET_PRECISION);
            assertThat(score.recall()).as(score.line()).isGreaterThanOrEqualTo(TARGET_RECALL);
        });
    }

    private static List<RuleScores.Score> score(List<NewsStory> stories) {
        return RuleScores.score(rules, judged(stories));
    }

    private static List<RuleScores.Judged> judged(List<NewsStory> stories) {
        return stories.stream().map(s -> new RuleScores.Judged(s.id(), s.title(), s.summary(), Set.copyOf(s.labels()))).toList();
    }

    private static String composition(String name, List<NewsStory> stories) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%s: %d stories%n", name, stories.size()));
        out.append("  by language: ").append(count(stories, NewsStory::lang)).append('\n');
        out.append("  by label:    ").append(count(stories, NewsStory::labelClass)).append('\n');
        out.append(String.format(Locale.ROOT, "  hard negatives: %d (%.0f%%), by kind: %s%n", stories.stream().filter(NewsStory::hardNegative).count(),
                100 * hardShare(stories), count(stories.stream().filter(NewsStory::negative).toList(), NewsStory::kind)));
        out.append("  positives by kind: ").append(count(stories.stream().filter(s -> !s.negative()).toList(),
                s -> s.labelClass().replace(DISPUTE, "dispute") + ":" + s.kind())).append('\n');
        return out.toString();
    }

    private static Map<String, Long> count(List<NewsStory> stories, Function<NewsStory, String> key) {
        return stories.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String scores(String name, List<NewsStory> stories, List<RuleScores.Score> scores) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nDefault rules on %s (%d stories)%n", name, stories.size()));
        for (RuleScores.Score score : scores) {
            out.append(score.line()).append('\n');
            for (String lang : List.of("en", "zh-hans", "zh-hant")) {
                List<NewsStory> inLang = stories.stream().filter(s -> s.lang().equals(lang)).toList();
                RuleScores.Score part = RuleScores.score(rules, judged(inLang)).stream()
                        .filter(s -> s.rule().equals(score.rule())).findFirst().orElseThrow();
                out.append(String.format(Locale.ROOT, "    %-8s precision %.3f  recall %.3f%n", lang, part.precision(), part.recall()));
            }
            out.append("    false positives: ").append(describe(stories, score.falsePositives())).append('\n');
            out.append("    false negatives: ").append(describe(stories, score.falseNegatives())).append('\n');
        }
        return out.toString();
    }

    private static List<String> describe(List<NewsStory> stories, Set<String> ids) {
        List<String> described = new ArrayList<>();
        stories.stream().filter(s -> ids.contains(s.id())).forEach(s -> described.add(s.id() + " (" + s.kind() + ")"));
        return described;
    }
}
