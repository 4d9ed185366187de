package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A rule with scopes evaluated straight from its definition in docs/RULES.md, on the occurrences a
 * naive search finds: slow, simple, independent of the automaton, the hit chains and the order in
 * which {@link ScopedEvaluation} visits hits. Sentences and paragraphs come from {@link Sentences}
 * (its own test checks them).
 */
final class NaiveScopes {

    /** One occurrence of a group's term: field, offsets in the original text, number of the word it starts. */
    record Occurrence(int group, int field, int start, int end, int word) {
    }

    /** A condition: its groups, how many of them, its own place (null: with the others, in the rule's unit). */
    record Condition(List<Integer> groups, int needed, Scope in) {
    }

    /** A rule: {@code fields} among title, summary, content, lead; {@code within} null, sentence or paragraph; {@code mentions} per group. */
    record ScopedRule(List<Scope> fields, Scope within, List<Condition> conditions, List<Integer> none, int[] mentions,
            int nearChars, int nearWords) {
    }

    private NaiveScopes() {
    }

    /** @param content "" for a story without content */
    static boolean fires(ScopedRule rule, List<Occurrence> all, String title, String summary, String content) {
        String[] texts = {title, summary, content};
        Predicate<Occurrence> inFields = o -> rule.fields().stream().anyMatch(place -> in(place, o, texts));
        List<Occurrence> seen = all.stream().filter(inFields).toList();
        if (seen.stream().anyMatch(o -> rule.none().contains(o.group()))) {
            return false;
        }
        for (Condition condition : rule.conditions()) {
            if (condition.in() != null && !holds(condition, rule.mentions(),
                    seen.stream().filter(o -> in(condition.in(), o, texts)).toList())) {
                return false;
            }
        }
        List<Condition> joint = rule.conditions().stream().filter(c -> c.in() == null).toList();
        for (List<Occurrence> unit : units(rule.within(), seen, texts)) {
            for (List<Occurrence> window : windows(rule, unit)) {
                if (joint.stream().allMatch(condition -> holds(condition, rule.mentions(), window))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean in(Scope place, Occurrence o, String[] texts) {
        return switch (place) {
            case TITLE -> o.field() == 0;
            case SUMMARY -> o.field() == 1;
            case CONTENT -> o.field() == 2;
            case LEAD -> o.field() == 0 || o.field() == 1 && o.start() < leadEnd(texts[1]);
            default -> true;
        };
    }

    private static int leadEnd(String summary) {
        Sentences.Ends ends = new Sentences().of(summary, new Sentences.Ends());
        return ends.count <= StoryUnits.LEAD_SENTENCES ? summary.length() : ends.at[StoryUnits.LEAD_SENTENCES - 1];
    }

    /** The occurrences of each sentence or paragraph, or all of them in one. */
    private static List<List<Occurrence>> units(Scope within, List<Occurrence> seen, String[] texts) {
        if (within == null) {
            return List.of(seen);
        }
        List<List<Occurrence>> units = new ArrayList<>();
        for (int field = 0; field < texts.length; field++) {
            Sentences.Ends ends = within == Scope.SENTENCE ? new Sentences().of(texts[field], new Sentences.Ends())
                    : Sentences.paragraphsOf(texts[field], new Sentences.Ends());
            for (int u = 0; u < ends.count; u++) {
                int from = ends.startOf(u);
                int to = u == ends.count - 1 ? Integer.MAX_VALUE : ends.at[u];
                int f = field;
                units.add(seen.stream().filter(o -> o.field() == f && o.start() >= from && o.start() < to).toList());
            }
        }
        return units;
    }

    /** Without near, the unit itself; with it, from each occurrence the later ones of its field within the size. */
    private static List<List<Occurrence>> windows(ScopedRule rule, List<Occurrence> unit) {
        if (rule.nearChars() == 0 && rule.nearWords() == 0) {
            return List.of(unit);
        }
        List<List<Occurrence>> windows = new ArrayList<>();
        for (Occurrence a : unit) {
            windows.add(unit.stream().filter(b -> b.field() == a.field() && b.start() >= a.start()
                    && (rule.nearChars() > 0 ? b.end() - a.start() <= rule.nearChars() : b.word() - a.word() < rule.nearWords()))
                    .toList());
        }
        return windows;
    }

    /** Enough of the condition's groups occur, each at as many places as its mentions ask. */
    private static boolean holds(Condition condition, int[] mentions, List<Occurrence> occurrences) {
        int groups = 0;
        for (int group : condition.groups()) {
            Set<String> places = new HashSet<>();
            occurrences.stream().filter(o -> o.group() == group).forEach(o -> places.add(o.field() + ":" + o.start()));
            groups += places.size() >= mentions[group] ? 1 : 0;
        }
        return groups >= condition.needed();
    }
}
