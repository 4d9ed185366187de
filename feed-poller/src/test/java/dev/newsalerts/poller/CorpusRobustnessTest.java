package dev.newsalerts.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.newsalerts.poller.app.FetchException;
import dev.newsalerts.poller.app.FetchResult;
import dev.newsalerts.poller.client.FeedFetcher;
import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.domain.FeedParser;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.Story;
import dev.newsalerts.poller.domain.StoryMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Serves every file of {@code ../shared/corpora} on loopback (feedparser's files with their
 * {@code Header:} lines as response headers), fetches and parses each as the poller does, and
 * checks that each yields stories or a clear error, and that nothing crashes or stalls. Prints the
 * counts per folder. Skips itself when the corpora are absent (they are not part of a clone).
 */
class CorpusRobustnessTest {

    private static final String NO_ITEMS = "a valid feed with no items";
    private static final Pattern HEADER = Pattern.compile("^Header:\\s+([A-Za-z-]+):\\s*(.*?)\\s*$", Pattern.MULTILINE);

    /** The corpora beside the repository, seen from the module (Maven's working directory) or from the repository. */
    static Optional<Path> corpora() {
        return Stream.of(System.getProperty("corpora.dir"), "../../shared/corpora", "../shared/corpora")
                .filter(path -> path != null && Files.isDirectory(Path.of(path)))
                .map(path -> Path.of(path).toAbsolutePath().normalize()).findFirst();
    }

    record Outcome(String folder, String file, int stories, String error) {
    }

    @Test
    @Timeout(300)
    void everyCorpusFileYieldsStoriesOrAClearErrorAndNothingCrashesOrStalls() throws IOException {
        Optional<Path> root = corpora();
        assumeTrue(root.isPresent(), "skipped: no feed corpora at ../shared/corpora (they sit beside the project, not in a clone)");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.get())) {
            files = walk.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().endsWith(".md"))
                    .filter(path -> !path.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        FeedFetcher fetcher = new FeedFetcher(new Limits(), Clock.systemUTC());
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pollers = Executors.newFixedThreadPool(8);
        try (LoopbackServer server = new LoopbackServer()) {
            server.serve("/", exchange -> serveFile(exchange, root.get()));
            List<Future<Outcome>> polls = new ArrayList<>();
            for (Path file : files) {
                String relative = root.get().relativize(file).toString().replace('\\', '/');
                String url = server.url("/" + encodePath(relative));
                polls.add(pollers.submit(() -> pollOnce(fetcher, url, relative.substring(0, relative.indexOf('/')), relative)));
            }
            for (Future<Outcome> poll : polls) {
                outcomes.add(poll.get(60, TimeUnit.SECONDS));
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a poll stalled: " + e, e);
        } finally {
            pollers.shutdownNow();
        }

        report(outcomes);
        assertThat(outcomes).hasSize(files.size()).allSatisfy(outcome -> assertThat(outcome.stories() > 0
                || outcome.error() != null && !outcome.error().isBlank()).as(outcome.file()).isTrue());
    }

    private static Outcome pollOnce(FeedFetcher fetcher, String url, String folder, String file) {
        try {
            FetchResult result = fetcher.fetch(url, null, null);
            List<Story> stories = StoryMapper.toStories(FeedParser.parse(result.body(), result.contentType()),
                    new FeedSource(url, null, null), Instant.now());
            return new Outcome(folder, file, stories.size(), stories.isEmpty() ? NO_ITEMS : null);
        } catch (FetchException | FeedParser.FeedParseException e) {
            return new Outcome(folder, file, 0, e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError("polling " + file + " crashed: " + e, e);
        }
    }

    private static void serveFile(HttpExchange exchange, Path root) throws IOException {
        Path file = root.resolve(java.net.URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(1),
                StandardCharsets.UTF_8)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            LoopbackServer.respond(exchange, 404, new byte[0]);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        List<String> headers = new ArrayList<>();
        Matcher header = HEADER.matcher(new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1));
        while (header.find()) {
            headers.add(header.group(1));
            headers.add(header.group(2));
        }
        if (headers.stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.add("Content-Type");
            headers.add("application/xml");
        }
        LoopbackServer.respond(exchange, 200, body, headers.toArray(String[]::new));
    }

    private static String encodePath(String relative) {
        return String.join("/", Stream.of(relative.split("/"))
                .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20")).toList());
    }

    private static void report(List<Outcome> outcomes) {
        Map<String, int[]> perFolder = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            int[] counts = perFolder.computeIfAbsent(outcome.folder(), folder -> new int[4]);
            counts[0]++;
            if (outcome.stories() > 0) {
                counts[1]++;
            } else if (NO_ITEMS.equals(outcome.error())) {
                counts[2]++;
            } else {
                counts[3]++;
                reasons.merge(reasonKind(outcome.error()), 1, Integer::sum);
                if (System.getProperty("corpus.verbose") != null) {
                    System.out.println("    " + outcome.file() + ": " + outcome.error());
                }
            }
        }
        StringBuilder report = new StringBuilder("Corpus robustness run\n");
        perFolder.forEach((folder, counts) -> report.append(
                "  %-11s %5d files  %5d with stories  %5d valid but without items  %5d with a clear error%n"
                .formatted(folder, counts[0], counts[1], counts[2], counts[3])));
        report.append("  errors by kind:\n");
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> report.append("    %5d  %s%n".formatted(entry.getValue(), entry.getKey())));
        System.out.print(report);
    }

    /** The error without what is particular to the file (line numbers, names). */
    private static String reasonKind(String error) {
        String kind = error.replaceAll("Error on line \\d+", "Error on line N").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("<[^>]*>", "<…>");
        return kind.length() > 110 ? kind.substring(0, 110) + "…" : kind;
    }

    record Limits() implements PollerConfig.Fetch {
        public Duration connectTimeout() {
            return Duration.ofSeconds(2);
        }

        public Duration timeout() {
            return Duration.ofSeconds(10);
        }

        public long maxBytes() {
            return 10 << 20;
        }

        public String userAgent() {
            return "news-alerts-corpus-test";
        }

        public Optional<List<String>> allowedNetworks() {
            return Optional.of(List.of("127.0.0.0/8"));
        }
    }
}
