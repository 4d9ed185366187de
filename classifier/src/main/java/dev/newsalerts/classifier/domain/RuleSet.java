package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** An immutable, compiled rule file: its terms indexed for scanning, its rules, and its version. */
public final class RuleSet {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final String version;
    private final List<Rule> rules;
    private final Map<Character, List<Term>> termsByFirstChar;

    private RuleSet(String version, List<Rule> rules, List<Term> terms) {
        this.version = version;
        this.rules = rules;
        Map<Character, List<Term>> index = new HashMap<>();
        for (Term term : terms) {
            index.computeIfAbsent(term.folded().charAt(0), c -> new ArrayList<>()).add(term);
        }
        index.replaceAll((c, list) -> List.copyOf(list));
        this.termsByFirstChar = Map.copyOf(index);
    }

    /** Parses and checks a rule file. @throws RuleFileException naming the line or rule at fault */
    public static RuleSet compile(byte[] yaml, String origin) {
        RuleFile file;
        try {
            file = YAML.readValue(yaml, RuleFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new RuleFileException(origin + where + ": " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new RuleFileException(origin + ": " + e.getMessage(), e);
        }
        if (file == null || file.groups() == null || file.rules() == null || file.rules().isEmpty()) {
            throw new RuleFileException(origin + ": needs a 'groups:' map and a non-empty 'rules:' list");
        }
        List<Term> terms = new ArrayList<>();
        file.groups().forEach((group, words) -> {
            if (words == null || words.isEmpty()) {
                throw new RuleFileException(origin + ": group '" + group + "' has no terms");
            }
            for (String word : words) {
                try {
                    terms.add(Term.of(Objects.requireNonNull(word, "null term"), group));
                } catch (RuntimeException e) {
                    throw new RuleFileException(origin + ": group '" + group + "': " + e.getMessage(), e);
                }
            }
        });
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleFile.RuleSpec spec : file.rules()) {
            Rule rule = compileRule(spec, file.groups().keySet(), origin);
            if (!ids.add(rule.id())) {
                throw new RuleFileException(origin + ": rule id '" + rule.id() + "' is used twice");
            }
            rules.add(rule);
        }
        return new RuleSet(versionOf(yaml), List.copyOf(rules), terms);
    }

    public String version() {
        return version;
    }

    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    /** The rules a story's title and summary (plain text) fire, each with the terms that made it fire. */
    public List<RuleMatch> classify(String title, String summary) {
        List<MatchedTerm> found = new ArrayList<>();
        find(Field.TITLE, title, found);
        find(Field.SUMMARY, summary, found);
        if (found.isEmpty()) {
            return List.of();
        }
        List<RuleMatch> matches = new ArrayList<>();
        for (Rule rule : rules) {
            rule.evaluate(found).ifPresent(matches::add);
        }
        return matches;
    }

    private void find(Field field, String original, List<MatchedTerm> found) {
        if (original == null || original.isEmpty()) {
            return;
        }
        FoldedText folded = FoldedText.of(original);
        String text = folded.text();
        for (int i = 0; i < text.length(); i++) {
            List<Term> candidates = termsByFirstChar.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Term term : candidates) {
                if (term.occursAt(text, i)) {
                    found.add(new MatchedTerm(term.written(), term.group(), field,
                            folded.originalOffset(i), folded.originalEnd(i + term.folded().length())));
                }
            }
        }
    }

    private static Rule compileRule(RuleFile.RuleSpec spec, Set<String> groups, String origin) {
        if (spec == null || spec.id() == null || spec.id().isBlank()) {
            throw new RuleFileException(origin + ": every rule needs an id");
        }
        String where = origin + ": rule '" + spec.id() + "'";
        Set<String> all = groupSet(spec.all(), groups, where);
        Set<String> any = groupSet(spec.any(), groups, where);
        Set<String> none = groupSet(spec.none(), groups, where);
        Set<String> atLeastOf = spec.atLeast() == null ? Set.of() : groupSet(spec.atLeast().of(), groups, where);
        int atLeastCount = spec.atLeast() == null ? 0 : spec.atLeast().count();
        if (atLeastCount < 0 || atLeastCount > atLeastOf.size()) {
            throw new RuleFileException(where + ": atLeast.count must be between 1 and the number of groups in atLeast.of");
        }
        if (all.isEmpty() && any.isEmpty() && atLeastOf.isEmpty()) {
            throw new RuleFileException(where + ": needs at least one of all, any or atLeast");
        }
        Set<Field> fields = spec.fields() == null || spec.fields().isEmpty()
                ? EnumSet.allOf(Field.class) : EnumSet.copyOf(spec.fields());
        double minScore = spec.minScore() == null ? 0 : spec.minScore();
        if (minScore < 0 || minScore > 1) {
            throw new RuleFileException(where + ": minScore must be between 0 and 1");
        }
        String title = spec.title() == null || spec.title().isBlank() ? spec.id() : spec.title();
        return new Rule(spec.id(), title, all, any, atLeastCount, atLeastOf, none, fields, minScore);
    }

    private static Set<String> groupSet(List<String> names, Set<String> groups, String where) {
        if (names == null) {
            return Set.of();
        }
        Set<String> set = new LinkedHashSet<>();
        for (String name : names) {
            if (!groups.contains(name)) {
                throw new RuleFileException(where + ": unknown group '" + name + "'");
            }
            set.add(name);
        }
        return Set.copyOf(set);
    }

    private static String versionOf(byte[] yaml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml);
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
