package dev.newsalerts.poller.app;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.newsalerts.poller.domain.FeedRules;
import dev.newsalerts.poller.domain.FeedSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the feed list, a YAML file such as:
 * <pre>
 * feeds:
 *   - url: https://techcrunch.com/feed/
 *     name: TechCrunch
 *     language: en
 * </pre>
 */
public final class FeedList {

    static final String BUNDLED = "feeds.yaml";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a key written twice would silently drop the first
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private FeedList() {
    }

    record FeedListFile(List<FeedSource> feeds) {
    }

    /** Loads the file at {@code path}, or the bundled list when the path is absent. */
    public static List<FeedSource> load(java.util.Optional<String> path) {
        String origin = path.orElse("classpath:" + BUNDLED);
        try (InputStream in = path.isPresent() ? Files.newInputStream(Path.of(path.get()))
                : FeedList.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("feed list " + origin + " not found");
            }
            return validated(YAML.readValue(in, FeedListFile.class), origin);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read feed list " + origin + ": " + e.getMessage(), e);
        }
    }

    private static List<FeedSource> validated(FeedListFile file, String origin) {
        if (file == null || file.feeds() == null) {
            throw new IllegalStateException("feed list " + origin + " has no 'feeds:' list");
        }
        Map<String, FeedSource> byUrl = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < file.feeds().size(); i++) {
            FeedSource feed = file.feeds().get(i);
            List<String> wrong = feed == null ? List.of("empty entry") : FeedRules.problems(feed);
            if (!wrong.isEmpty()) {
                int index = i;
                wrong.forEach(problem -> problems.add("feeds[" + index + "]: " + problem));
            } else {
                FeedSource normalised = FeedRules.normalised(feed);
                byUrl.putIfAbsent(normalised.url(), normalised);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("feed list " + origin + " is invalid: " + String.join("; ", problems));
        }
        return List.copyOf(byUrl.values());
    }
}
