package dev.newsalerts.classifier.domain.cluster;

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
