package dev.newsalerts.classifier.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        int[] all = ids(spec.all(), groupIds, where);
        int[] any = ids(spec.any(), groupIds, where);
        int[] none = ids(spec.none(), groupIds, where);
        int[] atLeastOf = spec.atLeast() == null ? new int[0] : ids(spec.atLeast().of(), groupIds, where);
        int atLeastCount = spec.atLeast() == null ? 0 : spec.atLeast().count();
        if (spec.atLeast() != null && (atLeastCount < 1 || atLeastCount > atLeastOf.length)) {
            throw new RuleFileException(where.get() + ": atLeast.count must be between 1 and the number of groups in atLeast.of");
        }
        TreeSet<Integer> positiveSet = new TreeSet<>();
        for (int[] groups : List.of(all, any, atLeastOf)) {
            Arrays.stream(groups).forEach(positiveSet::add);
        }
        if (positiveSet.isEmpty()) {
            throw new RuleFileException(where.get() + ": needs at least one of all, any or atLeast");
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
        int fieldBits = 0;
        for (Field field : spec.fields() == null || spec.fields().isEmpty() ? List.of(Field.values()) : spec.fields()) {
            fieldBits |= 1 << field.ordinal();
        }
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
        return new Rule(spec.id(), title, positive, weights, all, any, atLeastOf, atLeastCount, none, fieldBits, minScore,
                nearChars, nearWords);
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
