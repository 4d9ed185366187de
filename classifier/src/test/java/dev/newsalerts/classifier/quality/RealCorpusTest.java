package dev.newsalerts.classifier.quality;

import static dev.newsalerts.classifier.quality.RuleScores.DISPUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsalerts.classifier.domain.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Every item of the real feeds in {@code ../shared/corpora/real} (RSS and Atom that nobody here
 * wrote), classified by the bundled rules and compared with a person's reading of each item in
 * {@code real-corpus/labels.tsv} (items not listed there are neither). Title and summary are taken as
 * the feed-poller takes them: the description or summary, else the content; plain text, capped as the
 * poller caps it. The XML parser refuses DTDs and external entities.
 *
 * <p>Prints, per rule, the false alerts and the missed stories. The issue's targets are a separate,
 * disabled test until the rules are tuned. Skips itself where the corpora are absent (they sit beside
 * the project, not in a clone).
 */
class RealCorpusTest {

    /** Issue 13: at most this many false alerts per rule on the whole corpus... */
    static final int MAX_FALSE_ALERTS_PER_RULE = 1;
    /** ...and every dispute story found. */
    static final int MAX_MISSED_DISPUTE_STORIES = 0;
    /** As the feed-poller caps a story's summary (StoryMapper.MAX_SUMMARY_CHARS). */
    static final int MAX_SUMMARY_CHARS = 2_000;
    static final int MIN_ITEMS = 3_000;

    record Item(String feed, int index, String identifier, String title, String summary) {

        String key() {
            return feed + " " + identifier;
        }

        String describe() {
            return feed + "#" + index + " \"" + (title.length() > 80 ? title.substring(0, 80) + "…" : title) + "\"";
        }
    }

    static Path corpus;
    static List<Item> items;
    static Map<String, Set<String>> labels;
    static RuleSet rules;

    /** The real corpus beside the repository, seen from the module (Maven's working directory) or from the repository. */
    static Optional<Path> realCorpus() {
        return Stream.of(System.getProperty("corpora.dir"), "../../shared/corpora", "../shared/corpora")
                .filter(path -> path != null && Files.isDirectory(Path.of(path, "real")))
                .map(path -> Path.of(path, "real").toAbsolutePath().normalize()).findFirst();
    }

    @BeforeAll
    static void load() throws Exception {
        Optional<Path> found = realCorpus();
        assumeTrue(found.isPresent(), "skipped: no real feed corpus at ../shared/corpora/real (it sits beside the project, not in a clone)");
        corpus = found.get();
        items = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".xml")).sorted().toList()) {
                items.addAll(read(file));
            }
        }
        labels = readLabels();
        rules = RuleScores.bundledRules();
    }

    static DocumentBuilder hardenedParser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    private static List<Item> read(Path file) throws IOException, SAXException, ParserConfigurationException {
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = hardenedParser().parse(in);
        }
        String feed = file.getFileName().toString();
        List<Item> read = new ArrayList<>();
        List<Element> entries = new ArrayList<>();
        collectEntries(document.getDocumentElement(), entries);
        for (Element entry : entries) {
            int index = read.size();
            String identifier = firstText(entry, "guid", "id");
            if (identifier.isEmpty()) {
                identifier = link(entry);
            }
            if (identifier.isEmpty()) {
                identifier = "#" + index;
            }
            String title = RuleScores.plainTitle(firstText(entry, "title"));
            String summary = firstText(entry, "description", "summary");
            if (summary.isBlank()) {
                summary = firstText(entry, "encoded", "content");
            }
            summary = RuleScores.plain(summary);
            if (summary.length() > MAX_SUMMARY_CHARS) {
                summary = summary.substring(0, MAX_SUMMARY_CHARS);
            }
            read.add(new Item(feed, index, identifier, title, summary));
        }
        return read;
    }

    private static void collectEntries(Element element, List<Element> entries) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                String name = child.getLocalName() == null ? child.getTagName() : child.getLocalName();
                if (name.equals("item") || name.equals("entry")) {
                    entries.add(child);
                } else {
                    collectEntries(child, entries);
                }
            }
        }
    }

    /** The text of the first direct child with one of these local names (in this order of preference) that has any. */
    private static String firstText(Element entry, String... names) {
        for (String name : names) {
            NodeList children = entry.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child instanceof Element element && name.equals(localName(element)) && !element.getTextContent().isBlank()) {
                    return element.getTextContent().trim();
                }
            }
        }
        return "";
    }

    private static String link(Element entry) {
        NodeList children = entry.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && "link".equals(localName(element))) {
                String href = element.getAttribute("href");
                String link = href.isBlank() ? element.getTextContent().trim() : href.trim();
                if (!link.isEmpty()) {
                    return link;
                }
            }
        }
        return "";
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    private static Map<String, Set<String>> readLabels() throws IOException {
        Map<String, Set<String>> read = new LinkedHashMap<>();
        try (InputStream in = RealCorpusTest.class.getResourceAsStream("/real-corpus/labels.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("feed\t")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Set<String> rulesOfItem = columns[2].equals("-") ? Set.of()
                        : Arrays.stream(columns[2].split(",")).map(String::trim).collect(Collectors.toSet());
                read.put(columns[0] + " " + columns[1], rulesOfItem);
            }
        }
        return read;
    }

    @Test
    void everyFeedIsReadAndEveryLabeledItemIsFoundInIt() {
        assertThat(items).hasSizeGreaterThanOrEqualTo(MIN_ITEMS);
        Set<String> keys = items.stream().map(Item::key).collect(Collectors.toSet());
        assertThat(keys).containsAll(labels.keySet());
        assertThat(labels.values().stream().flatMap(Set::stream)).allMatch(rules.ruleIds()::contains);
    }

    @Test
    void printsTheFalseAlertsAndMissedStoriesOfEachDefaultRule() {
        System.out.println(report());
        assertThat(labels.values()).anyMatch(rulesOfItem -> rulesOfItem.contains(DISPUTE));
    }

    @Test
    void eachDefaultRuleMeetsTheIssueTargetsOnTheRealCorpus() {
        Map<String, Outcome> outcomes = outcomes();
        System.out.println(report());
        assertThat(outcomes).allSatisfy((rule, outcome) ->
                assertThat(outcome.falseAlerts()).as("false alerts of %s", rule).hasSizeLessThanOrEqualTo(MAX_FALSE_ALERTS_PER_RULE));
        assertThat(outcomes.get(DISPUTE).missed()).as("missed dispute stories").hasSizeLessThanOrEqualTo(MAX_MISSED_DISPUTE_STORIES);
    }

    record Outcome(List<Item> trueAlerts, List<Item> falseAlerts, List<Item> missed) {
    }

    private static Map<String, Outcome> outcomes() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        rules.ruleIds().forEach(rule -> outcomes.put(rule, new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>())));
        for (Item item : items) {
            Set<String> fired = RuleScores.fired(rules, item.title(), item.summary());
            Set<String> wanted = labels.getOrDefault(item.key(), Set.of());
            for (String rule : rules.ruleIds()) {
                Outcome outcome = outcomes.get(rule);
                if (fired.contains(rule) && wanted.contains(rule)) {
                    outcome.trueAlerts().add(item);
                } else if (fired.contains(rule)) {
                    outcome.falseAlerts().add(item);
                } else if (wanted.contains(rule)) {
                    outcome.missed().add(item);
                }
            }
        }
        return outcomes;
    }

    private static String report() {
        long feeds = items.stream().map(Item::feed).distinct().count();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nDefault rules on the real corpus %s: %d feeds, %d items%n",
                corpus, feeds, items.size()));
        Set<String> judged = new TreeSet<>(labels.keySet());
        outcomes().forEach((rule, outcome) -> {
            int alerts = outcome.trueAlerts().size() + outcome.falseAlerts().size();
            int wanted = outcome.trueAlerts().size() + outcome.missed().size();
            out.append(String.format(Locale.ROOT, "%-26s alerts %d, of them right %d (precision %.2f); stories %d, found %d (recall %.2f)%n",
                    rule, alerts, outcome.trueAlerts().size(), outcome.trueAlerts().size() / (double) Math.max(1, alerts),
                    wanted, outcome.trueAlerts().size(), outcome.trueAlerts().size() / (double) Math.max(1, wanted)));
            outcome.falseAlerts().forEach(item -> out.append("    false alert: ").append(item.describe())
                    .append(judged.contains(item.key()) ? " (judged neither)" : " (not listed: neither)").append('\n'));
            outcome.missed().forEach(item -> out.append("    missed:      ").append(item.describe()).append('\n'));
        });
        return out.toString();
    }
}
