package dev.newsalerts.classifier.domain.cluster;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What two stories' anchors say. Numbers <em>conflict</em> when each story has a number the other lacks
 * ("cuts prices 20% from March" against "cuts prices 35%"): a rewrite may leave numbers out, but it does
 * not bring new ones of its own. They are <em>one-sided</em> when only one of the stories has numbers, and
 * <em>equal</em> when both have the same ones.
 */
record AnchorComparison(SortedSet<String> sharedNumbers, boolean numbersConflict, boolean numbersOneSided,
        boolean numbersEqual, SortedSet<String> sharedNames, String conflictingNumbers) {

    /**
     * The evidence of two stories' anchors, counted without building their comparison ({@link #of}): a
     * lookup judges up to hundreds of heads, and names the shared numbers of one or two of them only.
     */
    static Evidence evidence(Anchors story, Anchors head, int namesToAgree) {
        int shared = countShared(story.numbers(), head.numbers());
        int onlyStory = story.numbers().size() - shared;
        int onlyHead = head.numbers().size() - shared;
        boolean oneSided = story.numbers().isEmpty() != head.numbers().isEmpty();
        return Evidence.of(onlyStory > 0 && onlyHead > 0, shared > 0 && onlyStory == 0 && onlyHead == 0, shared, oneSided,
                oneSided ? 0 : countShared(story.names(), head.names()), namesToAgree);
    }

    /** How many values two lists in natural order, each value once, share: one walk through both. */
    private static int countShared(List<String> one, List<String> other) {
        int shared = 0;
        int left = 0;
        int right = 0;
        while (left < one.size() && right < other.size()) {
            int order = one.get(left).compareTo(other.get(right));
            if (order == 0) {
                shared++;
            }
            if (order <= 0) {
                left++;
            }
            if (order >= 0) {
                right++;
            }
        }
        return shared;
    }

    static AnchorComparison of(Anchors story, Anchors head) {
        SortedSet<String> sharedNumbers = new TreeSet<>(story.numbers());
        sharedNumbers.retainAll(head.numbers());
        SortedSet<String> sharedNames = new TreeSet<>(story.names());
        sharedNames.retainAll(head.names());
        SortedSet<String> onlyStory = new TreeSet<>(story.numbers());
        onlyStory.removeAll(head.numbers());
        SortedSet<String> onlyHead = new TreeSet<>(head.numbers());
        onlyHead.removeAll(story.numbers());
        boolean conflict = !onlyStory.isEmpty() && !onlyHead.isEmpty();
        boolean oneSided = story.numbers().isEmpty() != head.numbers().isEmpty();
        String conflicting = conflict ? String.join(", ", onlyStory) + " against " + String.join(", ", onlyHead) : "";
        boolean equal = !sharedNumbers.isEmpty() && onlyStory.isEmpty() && onlyHead.isEmpty();
        return new AnchorComparison(sharedNumbers, conflict, oneSided, equal, sharedNames, conflicting);
    }
}
