package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Measures {@link ArticleText} (and readability4j, when the {@code extraction-benchmark} profile puts it
 * on the test classpath) on Mozilla Readability's test pages: the word-overlap F1 of the text extracted
 * from each {@code source.html} against the text of its {@code expected.html}, and the time per page.
 * Not part of the normal suite (its name does not end in Test); run it as docs/BENCHMARKS.md says. It
 * skips itself, saying so, when {@code -Darticle.pages} does not name a folder of such pages.
 */
class ArticleTextBenchmark {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    interface Extractor {
        String text(String html) throws Exception;
    }

    @Test
    void extractsTheTextReadabilityExpectsFromRealArticlePages() throws Exception {
        String folder = System.getProperty("article.pages", "");
        Assumptions.assumeTrue(!folder.isBlank() && Files.isDirectory(Path.of(folder)),
                "skipped: -Darticle.pages does not name a folder of Readability test pages (" + folder + ")");
        List<Path> pages = pages(Path.of(folder));
        Map<String, Extractor> extractors = new LinkedHashMap<>();
        extractors.put("ArticleText (jsoup scorer)", html -> ArticleText.of(html, Integer.MAX_VALUE).orElse(""));
        readability4j().ifPresent(extractor -> extractors.put("readability4j 1.0.8", extractor));
        for (Map.Entry<String, Extractor> extractor : extractors.entrySet()) {
            run(extractor.getValue(), pages); // warm-up pass
            Result result = run(extractor.getValue(), pages);
            System.out.printf(Locale.ROOT, "%-28s pages=%d meanF1=%.3f medianF1=%.3f below0.5=%d empty=%d errors=%d ms/page=%.1f%n",
                    extractor.getKey(), result.f1s.size(), result.mean(), result.median(), result.below(0.5), result.empty,
                    result.errors, result.nanos / 1e6 / result.f1s.size());
            assertThat(result.f1s).hasSizeGreaterThanOrEqualTo(30);
        }
    }

    private static Result run(Extractor extractor, List<Path> pages) throws IOException {
        Result result = new Result();
        for (Path page : pages) {
            String html = Files.readString(page.resolve("source.html"));
            String expected = Jsoup.parse(Files.readString(page.resolve("expected.html"))).text();
            String got;
            long start = System.nanoTime();
            try {
                got = extractor.text(html);
            } catch (Exception | LinkageError e) {
                got = "";
                result.errors++;
            }
            result.nanos += System.nanoTime() - start;
            result.empty += got.isBlank() ? 1 : 0;
            result.f1s.add(f1(got, expected));
        }
        return result;
    }

    private static List<Path> pages(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(page -> Files.isRegularFile(page.resolve("source.html"))
                    && Files.isRegularFile(page.resolve("expected.html"))).sorted().toList();
        }
    }

    /** readability4j's Readability4JExtended, called by reflection so the normal build does not depend on it. */
    private static java.util.Optional<Extractor> readability4j() {
        try {
            Class<?> type = Class.forName("net.dankito.readability4j.extended.Readability4JExtended");
            return java.util.Optional.of(html -> {
                Object article = type.getMethod("parse").invoke(type.getConstructor(String.class, String.class)
                        .newInstance("http://fakehost/test/page.html", html));
                Object content = article.getClass().getMethod("getContent").invoke(article);
                return content == null ? "" : Jsoup.parse((String) content).text();
            });
        } catch (ClassNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    static double f1(String got, String expected) {
        Map<String, Integer> found = words(got);
        Map<String, Integer> wanted = words(expected);
        int foundCount = found.values().stream().mapToInt(Integer::intValue).sum();
        int wantedCount = wanted.values().stream().mapToInt(Integer::intValue).sum();
        if (foundCount == 0 || wantedCount == 0) {
            return 0;
        }
        int overlap = found.entrySet().stream().mapToInt(entry -> Math.min(entry.getValue(), wanted.getOrDefault(entry.getKey(), 0))).sum();
        double precision = (double) overlap / foundCount;
        double recall = (double) overlap / wantedCount;
        return overlap == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.merge(matcher.group(), 1, Integer::sum);
        }
        return words;
    }

    private static final class Result {
        final List<Double> f1s = new ArrayList<>();
        long nanos;
        int empty;
        int errors;

        double mean() {
            return f1s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double median() {
            List<Double> sorted = new ArrayList<>(f1s);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        long below(double threshold) {
            return f1s.stream().filter(f1 -> f1 < threshold).count();
        }
    }
}
