package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An immutable, compiled rule file. Classifying a story scans its title and summary (and its
 * content, when a rule of the file names it) once each with one
 * Aho-Corasick automaton over all terms of all rules (folding the text on the fly), turns each
 * occurrence into hits of the rules (or shared groups) its terms count for ({@link RuleFeeds}),
 * and evaluates only the rules that found as many groups as they need.
 */
public final class RuleSet {

    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a key written twice would silently drop the first
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ThreadLocal<Hits> SCRATCH = ThreadLocal.withInitial(Hits::new);

    private final String version;
    private final Map<String, List<String>> groups;
    private final Rule[] rules;
    private final String[] groupNames;
    private final String[] termText;
    private final TermPatterns patterns;
    private final RuleFeeds feeds;
    private final TermAutomaton automaton;
    private final int longestTerm;
    private final int mostPositiveGroups;
    /** Whether a rule names {@code content}: else a story's content is not even scanned. */
    private final boolean looksAtContent;

    private RuleSet(String version, Map<String, List<String>> groups, List<Rule> rules, List<String> groupNames, List<Term> terms) {
        this.version = version;
        this.groups = groups;
        this.rules = rules.toArray(Rule[]::new);
        this.groupNames = groupNames.toArray(String[]::new);
        this.termText = terms.stream().map(Term::written).toArray(String[]::new);
        this.patterns = new TermPatterns(terms);
        this.feeds = new RuleFeeds(patterns, terms, this.rules, groupNames.size());
        // a hit that needs an end boundary waits for the next char, so it is reported after those that do not
        this.automaton = TermAutomaton.build(patterns.texts, patterns.endBoundary);
        this.longestTerm = Arrays.stream(patterns.length).max().orElse(1);
        this.mostPositiveGroups = rules.stream().mapToInt(rule -> rule.positiveGroups().length).max().orElse(0);
        this.looksAtContent = rules.stream().anyMatch(rule -> (rule.fieldBits() & 1 << Field.CONTENT.ordinal()) != 0);
    }

    /** Parses and checks a rule file. @throws RuleFileException naming the line and the problem */
    public static RuleSet compile(byte[] yaml, String origin) {
        RuleFile file;
        try {
            file = YAML.readValue(yaml, RuleFile.class);
        } catch (JsonProcessingException e) {
            throw yamlError(e, origin);
        } catch (IOException e) {
            throw new RuleFileException(origin + ": " + e.getMessage(), e);
        }
        return compile(file, yaml, origin);
    }

    /** A YAML or mapping error as a rule file error naming the line, where known. */
    static RuleFileException yamlError(JsonProcessingException e, String origin) {
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " line " + e.getLocation().getLineNr();
        return new RuleFileException(origin + where + ": " + e.getOriginalMessage(), e);
    }

    /**
     * Checks and compiles a parsed rule file; {@code yaml}, the text it came from, names the lines
     * of errors and gives the version.
     */
    static RuleSet compile(RuleFile file, byte[] yaml, String origin) {
        String text = new String(yaml, StandardCharsets.UTF_8);
        if (file == null || file.groups() == null || file.rules() == null || file.rules().isEmpty()) {
            throw new RuleFileException(origin + ": needs a 'groups:' map and a non-empty 'rules:' list");
        }
        Map<String, Integer> groupIds = new LinkedHashMap<>();
        List<Term> terms = new ArrayList<>();
        file.groups().forEach((group, words) -> {
            int id = groupIds.size();
            groupIds.put(group, id);
            Supplier<String> where = () -> origin + " line " + lineOf(text, Pattern.quote(group) + "\\s*:") + ": group '" + group + "'";
            if (words == null || words.isEmpty()) {
                throw new RuleFileException(where.get() + " has no terms");
            }
            for (String word : words) {
                if (word == null || word.isBlank() || word.strip().equals("*")) {
                    throw new RuleFileException(where.get() + " has an empty term");
                }
                try {
                    terms.addAll(Term.allOf(word, id));
                } catch (IllegalArgumentException e) {
                    throw new RuleFileException(where.get() + ": " + e.getMessage());
                }
            }
        });
        List<Rule> rules = new ArrayList<>();
        Set<String> ruleIds = new HashSet<>();
        for (RuleFile.RuleSpec spec : file.rules()) {
            if (spec == null || spec.id() == null || spec.id().isBlank()) {
                throw new RuleFileException(origin + ": every rule needs an id");
            }
            Supplier<String> where = () -> origin + " line "
                    + lineOf(text, "id\\s*:\\s*[\"']?" + Pattern.quote(spec.id()) + "[\"']?\\s*$") + ": rule '" + spec.id() + "'";
            if (!ruleIds.add(spec.id())) {
                throw new RuleFileException(where.get() + ": the id is used twice");
            }
            rules.add(RuleCompiler.compile(spec, groupIds, where));
        }
        try {
            return new RuleSet(versionOf(yaml), Collections.unmodifiableMap(new LinkedHashMap<>(file.groups())), rules, List.copyOf(groupIds.keySet()), terms);
        } catch (RuleFileException e) {
            throw new RuleFileException(origin + ": " + e.getMessage());
        }
    }

    public String version() {
        return version;
    }

    /** The groups as the rule file wrote them, for a candidate rule that names them without defining them. */
    Map<String, List<String>> groups() {
        return groups;
    }

    public List<String> ruleIds() {
        return Arrays.stream(rules).map(rule -> rule.id).toList();
    }

    /** Each rule's id, title and groups, in the file's order. */
    public List<RuleCatalogue.Entry> catalogueEntries() {
        return Arrays.stream(rules).map(rule -> new RuleCatalogue.Entry(rule.id, rule.title, java.util.stream.IntStream
                .concat(Arrays.stream(rule.positiveGroups()), Arrays.stream(rule.noneGroups()))
                .mapToObj(group -> groupNames[group]).distinct().toList())).toList();
    }

    /** The rules a story without content fires: {@link #classify(String, String, String)} with no content. */
    public List<RuleMatch> classify(String title, String summary) {
        return classify(title, summary, null);
    }

    /**
     * The rules a story's title, summary and content (plain text; null or empty where the story has
     * none) fire, each with the terms that made it fire. Only the rules that name {@code content}
     * in their fields see the content.
     */
    public List<RuleMatch> classify(String title, String summary, String content) {
        Hits hits = SCRATCH.get();
        hits.prepare(rules.length, groupNames.length, longestTerm, mostPositiveGroups);
        hits.units.reset(title, summary, looksAtContent ? content : null);
        try {
            scan(title, Field.TITLE.ordinal(), hits);
            scan(summary, Field.SUMMARY.ordinal(), hits);
            if (looksAtContent) {
                scan(content, Field.CONTENT.ordinal(), hits);
            }
            if (hits.occurrenceCount == 0) {
                return List.of();
            }
            collectHits(hits);
            Arrays.sort(hits.candidateRules, 0, hits.candidateRuleCount); // report in rule-file order
            List<RuleMatch> matches = null;
            for (int c = 0; c < hits.candidateRuleCount; c++) {
                RuleMatch match = rules[hits.candidateRules[c]].evaluate(hits.candidateRules[c], hits, feeds.shared, termText, groupNames);
                if (match != null) {
                    if (matches == null) {
                        matches = new ArrayList<>(2);
                    }
                    matches.add(match);
                }
            }
            return matches == null ? List.of() : matches;
        } finally {
            hits.reset();
        }
    }

    /**
     * Turns each pattern occurrence into a hit for every rule slot its terms feed, last to first so
     * that each rule's hits chain in text order.
     */
    private void collectHits(Hits hits) {
        int[] feed = feeds.feeds;
        for (int o = hits.occurrenceCount - 1; o >= 0; o--) {
            int pattern = hits.occurrencePattern[o];
            int fieldBit = 1 << hits.occurrenceField[o];
            // last feed first: the terms of one occurrence then chain in ascending order
            for (int f = feeds.start[pattern + 1] - 1, first = feeds.start[pattern]; f >= first; f--) {
                int at = f * RuleFeeds.FEED_INTS;
                int packed = feed[at + 2];
                if (RuleFeeds.isShared(packed)) {
                    addSharedGroupHit(hits, feed[at], feed[at + 1], o);
                } else if (RuleFeeds.looksAt(packed, fieldBit)) {
                    hits.addTermHit(feed[at], feed[at + 1], o, packed);
                }
            }
        }
    }

    /** A hit of a shared group: the first in a field counts the group for each of its rules that looks at that field. */
    private void addSharedGroupHit(Hits hits, int group, int term, int occurrence) {
        int newField = hits.addSharedGroupHit(group, term, occurrence);
        if (newField != 0) {
            for (int i = feeds.sharedStart[group], end = feeds.sharedStart[group + 1]; i < end; i++) {
                int packed = feeds.sharedRules[2 * i + 1];
                if (RuleFeeds.looksAt(packed, newField)) {
                    hits.markSlot(feeds.sharedRules[2 * i], packed);
                }
            }
        }
    }

    /** Feeds the folded text of one field through the automaton, recording the hits that sit on their word boundaries. */
    private void scan(String text, int field, Hits hits) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int mask = hits.ringChar.length - 1;
        int firstOfField = hits.occurrenceCount;
        int firstPending = -1; // hits from here on wait for the next char: it must not continue their last word
        int state = 0;
        int position = 0;
        int words = 0;
        boolean previousIsWord = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int length = 1;
            String longer = null;
            char single = TextFolding.foldSingle(c);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length = 2;
                longer = TextFolding.foldLonger(Character.toCodePoint(c, text.charAt(i + 1)));
            } else if (!TextFolding.isSingle(single)) {
                longer = TextFolding.foldLonger(c);
            }
            int pieces = longer == null ? 1 : longer.length();
            for (int k = 0; k < pieces; k++) {
                char folded = longer == null ? single : longer.charAt(k);
                byte kind = TextFolding.charClass(folded);
                if (firstPending >= 0) {
                    if (kind == TextFolding.WORD) {
                        for (int h = firstPending; h < hits.occurrenceCount; h++) {
                            hits.occurrencePattern[h] = -1;
                        }
                    }
                    firstPending = -1;
                }
                boolean isWord = kind == TextFolding.WORD;
                if (kind == TextFolding.CJK || isWord && !previousIsWord) {
                    words++;
                }
                previousIsWord = isWord;
                int slot = position & mask;
                hits.ringChar[slot] = folded;
                hits.ringOrigin[slot] = i;
                hits.ringWord[slot] = words;
                state = automaton.next(state, folded);
                if (TermAutomaton.hasEndings(state)) {
                    int[] endings = automaton.endings;
                    int markedFrom = automaton.markedFrom(state);
                    for (int e = automaton.endingsFrom(state), to = automaton.endingsTo(state); e < to; e += 2) {
                        int pattern = endings[e];
                        int start = position - endings[e + 1] + 1;
                        if (patterns.startBoundary[pattern] && start > 0
                                && TextFolding.charClass(hits.ringChar[(start - 1) & mask]) == TextFolding.WORD) {
                            continue;
                        }
                        if (e >= markedFrom && firstPending < 0) {
                            firstPending = hits.occurrenceCount;
                        }
                        hits.addOccurrence(pattern, field, hits.ringOrigin[start & mask], i + length, hits.ringWord[start & mask]);
                    }
                }
                position++;
            }
            i += length;
        }
        removeRejected(hits, firstOfField);
    }

    private static void removeRejected(Hits hits, int from) {
        int kept = from;
        for (int h = from; h < hits.occurrenceCount; h++) {
            if (hits.occurrencePattern[h] >= 0) {
                hits.occurrencePattern[kept] = hits.occurrencePattern[h];
                hits.occurrenceField[kept] = hits.occurrenceField[h];
                hits.occurrenceStart[kept] = hits.occurrenceStart[h];
                hits.occurrenceEnd[kept] = hits.occurrenceEnd[h];
                hits.occurrenceWord[kept] = hits.occurrenceWord[h];
                kept++;
            }
        }
        hits.occurrenceCount = kept;
    }

    /**
     * The 1-based line of the first match of {@code regex} in a multi-line text, or "?". A scan of the
     * whole file, so only for naming the place of an error: the happy path of a big file must stay linear.
     */
    private static String lineOf(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        if (!matcher.find()) {
            return "?";
        }
        return Long.toString(text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1);
    }

    /** The version a rule file would get: a hash of its bytes. */
    public static String versionOf(byte[] yaml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
