package dev.newsalerts.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/CONFIGURATION.md names every key of the services' {@code @ConfigMapping} interfaces (read
 * from the packaged services, as for the Compose check), and names no {@code poller.},
 * {@code classifier.}, {@code notifier.} or {@code topics.} key that none of them has. A map key
 * ({@code notifier.subscriptions.<name>.target}) may be written with any name in its place.
 */
class ConfigurationDocTest {

    static final Path DOC = Repo.ROOT.resolve("docs/CONFIGURATION.md");

    /** A key of ours as the doc writes it: in a table, in prose, in a properties block, after -D. */
    private static final Pattern OWN_KEY = Pattern.compile(
            "(?:(?<=-D)|(?<![A-Za-z0-9_./<>-]))((?:poller|classifier|notifier|topics)\\.[A-Za-z0-9<>._-]*[A-Za-z0-9>])");
    /** A Quarkus, Kafka client or channel key in backquotes; wildcards and placeholders left out. */
    private static final Pattern OTHER_KEY = Pattern.compile("`((?:quarkus|kafka|mp\\.messaging)\\.[A-Za-z0-9._\"-]+)`");
    /** A segment of a map key in the doc: {@code <name>}, or a name such as {@code team-hook}. */
    private static final String ANY_NAME = "[^.\\s`]+";

    @Test
    void everyKeyOfTheMappingsIsInTheDoc() {
        assertThat(missingFrom(Repo.read(DOC), mappingKeys()))
                .as("keys of the @ConfigMapping interfaces that " + DOC + " does not name (add each, with its default and meaning)")
                .isEmpty();
    }

    @Test
    void everyKeyOfOursTheDocNamesIsAKeyOfAMapping() {
        assertThat(unknownIn(Repo.read(DOC), mappingKeys()))
                .as("keys " + DOC + " names that no @ConfigMapping interface has (renamed or removed?)")
                .isEmpty();
    }

    @Test
    void everyQuarkusAndKafkaKeyTheDocNamesIsARunTimeKeyOfAService() {
        List<String> problems = new ArrayList<>();
        Matcher key = OTHER_KEY.matcher(Repo.read(DOC));
        while (key.find()) {
            String variable = EnvNames.of(key.group(1));
            List<String> why = Repo.SERVICES.stream().map(Repo::keys)
                    .map(keys -> keys.problemWith(variable).orElse(null)).toList();
            if (!why.contains(null)) {
                problems.add(key.group(1) + " (" + String.join("; ", why) + ")");
            }
        }
        assertThat(problems).as("Quarkus, Kafka and channel keys " + DOC + " names that no service reads at run time").isEmpty();
    }

    @Test
    void theCheckFindsAKeyLeftOutAndAKeyMadeUp() {
        Set<String> keys = Set.of("poller.backoff.max", "poller.backoff.max-retry-after",
                "notifier.subscriptions." + EnvNames.ANY_SEGMENT + ".target");
        String doc = "| `poller.backoff.max-retry-after` | `24h` |\n"
                + "notifier.subscriptions.team-hook.target=https://example.com\n"
                + "Run with -Dpoller.backof.max=1h or `classifier.rule-file`; `notifier.subscriptions.<name>.*`.\n";

        assertThat(missingFrom(doc, keys)).containsExactly("poller.backoff.max");
        assertThat(unknownIn(doc, keys)).containsExactly("classifier.rule-file", "poller.backof.max");
    }

    private static Set<String> mappingKeys() {
        Set<String> keys = new TreeSet<>();
        Repo.SERVICES.forEach(service -> keys.addAll(Repo.keys(service).mappingKeys()));
        assertThat(keys).as("mapping keys of the packaged services").contains("poller.interval", "classifier.rules-file",
                "notifier.api-token", "topics.partitions");
        return keys;
    }

    /** The keys of {@code keys} (templates) that {@code doc} does not name. */
    static List<String> missingFrom(String doc, Set<String> keys) {
        Set<String> named = named(doc);
        return keys.stream()
                .filter(key -> named.stream().noneMatch(name -> regex(key).matcher(name).matches()))
                .map(key -> key.replace(EnvNames.ANY_SEGMENT, "<name>"))
                .sorted().toList();
    }

    /** The keys of ours {@code doc} names that are neither a key of {@code keys} nor a group of them. */
    static List<String> unknownIn(String doc, Set<String> keys) {
        List<Pattern> known = keys.stream().flatMap(ConfigurationDocTest::keyAndGroups).map(ConfigurationDocTest::regex).toList();
        return named(doc).stream().filter(name -> known.stream().noneMatch(p -> p.matcher(name).matches())).sorted().toList();
    }

    private static Set<String> named(String doc) {
        Set<String> named = new TreeSet<>();
        Matcher key = OWN_KEY.matcher(doc);
        while (key.find()) {
            named.add(key.group(1));
        }
        return named;
    }

    /** {@code a.b.c} → {@code a.b.c}, {@code a.b}: a group may be named on its own ({@code notifier.subscriptions.<name>.*}). */
    private static Stream<String> keyAndGroups(String key) {
        List<String> prefixes = new ArrayList<>();
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            prefixes.add(key.substring(0, dot));
        }
        prefixes.add(key);
        return prefixes.stream().skip(1);
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        String[] literals = template.split(EnvNames.ANY_SEGMENT, -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(ANY_NAME);
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
