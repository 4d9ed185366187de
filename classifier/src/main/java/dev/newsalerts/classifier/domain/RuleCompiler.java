package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Checks one rule of a rule file and compiles it against the file's group ids. */
final class RuleCompiler {

    /** Groups one rule can name in all, any, atLeast and none together: a classified story keeps them as bits of a long. */
    static final int MAX_GROUPS = 64;

    private RuleCompiler() {
    }

    /** @param where how to name the rule in an error, e.g. "rules.yaml line 40: rule 'x'"; asked only when there is one */
    static Rule compile(RuleFile.RuleSpec spec, Map<String, Integer> groupIds, Supplier<String> where) {
        Scope within = spec.within();
        if (within != null && !within.isUnit()) {
            throw new RuleFileException(where.get() + ": within must be sentence or paragraph, not " + within.jsonName()
                    + " (fields and a condition's in say where to look)");
        }
        int fieldBits = 0;
        boolean lead = false;
        boolean summary = false;
        for (Scope field : spec.fields() == null || spec.fields().isEmpty() ? List.of(Scope.TITLE, Scope.SUMMARY) : spec.fields()) {
            switch (field) {
                case TITLE -> fieldBits |= 1 << Field.TITLE.ordinal();
                case SUMMARY -> {
                    fieldBits |= 1 << Field.SUMMARY.ordinal();
                    summary = true;
                }
                case CONTENT -> fieldBits |= 1 << Field.CONTENT.ordinal();
                case LEAD -> {
                    fieldBits |= 1 << Field.TITLE.ordinal() | 1 << Field.SUMMARY.ordinal();
                    lead = true;
                }
                default -> throw new RuleFileException(where.get() + ": fields are title, summary, content or lead, not " + field.jsonName()
                        + (field.isUnit() ? " (use within: " + field.jsonName() + ")" : ""));
            }
        }
        Conditions conditions = new Conditions(where, within, fieldBits);
        for (RuleFile.Groups groups : new RuleFile.Groups[] {spec.all(), spec.any()}) {
            if (groups != null && groups.of() == null && groups.in() != null) {
                throw new RuleFileException(where.get() + ": " + (groups == spec.all() ? "all" : "any")
                        + " with an in needs its groups in of: {of: [groups], in: " + groups.in().jsonName() + "}");
            }
        }
        if (spec.all() != null && spec.all().of() != null && !spec.all().of().isEmpty()) {
            int[] groups = ids(spec.all().of(), groupIds, where);
            conditions.add("all", groups, groups.length, spec.all().in());
        }
        if (spec.any() != null && spec.any().of() != null && !spec.any().of().isEmpty()) {
            conditions.add("any", ids(spec.any().of(), groupIds, where), 1, spec.any().in());
        }
        for (RuleFile.AtLeast atLeast : spec.atLeast() == null ? List.<RuleFile.AtLeast>of() : spec.atLeast()) {
            int[] groups = atLeast == null ? new int[0] : ids(atLeast.of(), groupIds, where);
            if (atLeast == null || atLeast.count() < 1 || atLeast.count() > groups.length) {
                throw new RuleFileException(where.get() + ": atLeast.count must be between 1 and the number of groups in atLeast.of");
            }
            conditions.add("atLeast", groups, atLeast.count(), atLeast.in());
        }
        int[] none = ids(spec.none(), groupIds, where);
        TreeSet<Integer> positiveSet = new TreeSet<>();
        for (int[] groups : conditions.groups) {
            Arrays.stream(groups).forEach(positiveSet::add);
        }
        if (positiveSet.isEmpty()) {
            throw new RuleFileException(where.get() + ": needs at least one of all, any or atLeast");
        }
        if (within != null && conditions.scopes.stream().allMatch(Objects::nonNull)) {
            throw new RuleFileException(where.get() + ": within: " + within.jsonName() + " binds no condition (each has an in of its own)");
        }
        int[] positive = positiveSet.stream().mapToInt(Integer::intValue).toArray();
        for (int group : none) {
            if (positiveSet.contains(group)) {
                throw new RuleFileException(where.get() + ": a group cannot be both wanted and in none");
            }
        }
        if (positive.length + none.length > MAX_GROUPS) {
            throw new RuleFileException(where.get() + ": names " + (positive.length + none.length)
                    + " groups; a rule can combine at most " + MAX_GROUPS + " (put the terms of several in one group)");
        }
        double[] weights = weights(spec.weights(), positive, groupIds, where);
        int[] mentions = mentions(spec.mentions(), positive, groupIds, where);
        double minScore = spec.minScore() == null ? 0 : spec.minScore();
        if (minScore < 0 || minScore > 1) {
            throw new RuleFileException(where.get() + ": minScore must be between 0 and 1");
        }
        int nearChars = 0;
        int nearWords = 0;
        if (spec.near() != null) {
            boolean chars = spec.near().chars() != null;
            boolean words = spec.near().words() != null;
            if (chars == words) {
                throw new RuleFileException(where.get() + ": near needs exactly one of chars or words");
            }
            nearChars = chars ? spec.near().chars() : 0;
            nearWords = words ? spec.near().words() : 0;
            if (nearChars < 0 || nearWords < 0 || nearChars + nearWords == 0) {
                throw new RuleFileException(where.get() + ": near must be a positive number of chars or words");
            }
        }
        String title = spec.title() == null || spec.title().isBlank() ? spec.id() : spec.title();
        return new Rule(spec.id(), title, positive, weights, conditions.groups, conditions.needed.stream().mapToInt(Integer::intValue).toArray(),
                conditions.scopes.toArray(Scope[]::new), none, fieldBits, minScore, nearChars, nearWords, lead && !summary,
                within == null ? Scope.ANYWHERE : within, mentions);
    }

    /** The conditions of a rule as they are read: groups, how many needed, scope (null: bound to the rule's unit). */
    private static final class Conditions {
        final List<int[]> groups = new ArrayList<>();
        final List<Integer> needed = new ArrayList<>();
        final List<Scope> scopes = new ArrayList<>();
        private final Supplier<String> where;
        private final Scope within;
        private final int fieldBits;

        Conditions(Supplier<String> where, Scope within, int fieldBits) {
            this.where = where;
            this.within = within;
            this.fieldBits = fieldBits;
        }

        void add(String key, int[] groupsOf, int count, Scope in) {
            if (in == Scope.NEAR) {
                throw new RuleFileException(where.get() + ": " + key + ".in cannot be near (near is the rule's)");
            }
            if (in != null && in.isUnit() && in != within) {
                throw new RuleFileException(where.get() + ": " + key + ".in: " + in.jsonName() + " needs the rule's within: "
                        + in.jsonName() + " (the conditions without an in of their own hold together there)");
            }
            if (in == Scope.TITLE && (fieldBits & 1 << Field.TITLE.ordinal()) == 0
                    || in == Scope.SUMMARY && (fieldBits & 1 << Field.SUMMARY.ordinal()) == 0
                    || in == Scope.CONTENT && (fieldBits & 1 << Field.CONTENT.ordinal()) == 0
                    || in == Scope.LEAD && (fieldBits & (1 << Field.TITLE.ordinal() | 1 << Field.SUMMARY.ordinal())) == 0) {
                throw new RuleFileException(where.get() + ": " + key + ".in: " + in.jsonName() + " is outside the rule's fields"
                        + (in == Scope.CONTENT ? " (a rule looks at content only where its fields name it: fields: [title, summary, content])" : ""));
            }
            groups.add(groupsOf);
            needed.add(count);
            scopes.add(in == null || in == within ? null : in);
        }
    }

    private static int[] ids(List<String> names, Map<String, Integer> groupIds, Supplier<String> where) {
        if (names == null) {
            return new int[0];
        }
        return names.stream().distinct().mapToInt(name -> {
            Integer id = groupIds.get(name);
            if (id == null) {
                throw new RuleFileException(where.get() + ": unknown group '" + name + "'");
            }
            return id;
        }).toArray();
    }

    private static int[] mentions(Map<String, Integer> given, int[] positive, Map<String, Integer> groupIds, Supplier<String> where) {
        int[] mentions = new int[positive.length];
        Arrays.fill(mentions, 1);
        if (given == null) {
            return mentions;
        }
        given.forEach((name, times) -> {
            Integer id = groupIds.get(name);
            int position = id == null ? -1 : Arrays.binarySearch(positive, id);
            if (position < 0) {
                throw new RuleFileException(where.get() + ": mentions name '" + name + "', which is not one of the rule's all, any or atLeast groups");
            }
            if (times == null || times < 1) {
                throw new RuleFileException(where.get() + ": the mentions of '" + name + "' must be 1 or more");
            }
            mentions[position] = times;
        });
        return mentions;
    }

    private static double[] weights(Map<String, Double> given, int[] positive, Map<String, Integer> groupIds, Supplier<String> where) {
        double[] weights = new double[positive.length];
        Arrays.fill(weights, 1.0);
        if (given == null) {
            return weights;
        }
        given.forEach((name, weight) -> {
            Integer id = groupIds.get(name);
            int position = id == null ? -1 : Arrays.binarySearch(positive, id);
            if (position < 0) {
                throw new RuleFileException(where.get() + ": weights name '" + name + "', which is not one of the rule's all, any or atLeast groups");
            }
            if (weight == null || weight <= 0) {
                throw new RuleFileException(where.get() + ": the weight of '" + name + "' must be positive");
            }
            weights[position] = weight;
        });
        return weights;
    }
}
