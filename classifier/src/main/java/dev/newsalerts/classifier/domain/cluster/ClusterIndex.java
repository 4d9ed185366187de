package dev.newsalerts.classifier.domain.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recent clusters, deciding for each matched story whether it reports the same event as a story
 * placed earlier within the window (default 72 hours) for a rule the two share ({@link #place}). Heads are
 * found through {@link LshBuckets}, so a lookup looks at a few candidates, not at every head; the verdict
 * on a candidate is the {@link JoinRule}'s. A story placed before gets its first decision again, so a
 * replay after a crash creates no new head; {@link #remember} rebuilds the index from the records
 * {@link #place} produced.
 *
 * <p>Not thread-safe: one writer owns an index (the instance that places the stories of its partitions);
 * others must not call it concurrently.
 */
public final class ClusterIndex {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);
    /** Below this many evicted heads the table is not rebuilt (rebuilding often would cost more than it saves). */
    private static final int REBUILD_AFTER = 4096;
    /** How many of the newest heads with a given number are looked at. */
    private static final int NEWEST_PER_NUMBER = 64;

    private final Duration window;
    private final long windowMillis;
    private final JoinRule rule;
    private final LshBuckets buckets = new LshBuckets();
    private final NumberBuckets<Head> byNumber = new NumberBuckets<>(NEWEST_PER_NUMBER);
    /** Heads by slot; null where a head was evicted, until the next rebuild. */
    private final List<Head> heads = new ArrayList<>();
    private final Map<String, Placed> placed = new HashMap<>();
    /** Placed stories in the order of their time, oldest first, for eviction (mostly appended at the end). */
    private final Deque<Placed> byTime = new ArrayDeque<>();
    private int liveHeads;
    private Instant latest = Instant.MIN;
    private int lookup;

    public ClusterIndex() {
        this(DEFAULT_WINDOW);
    }

    public ClusterIndex(Duration window) {
        this(window, JoinRule.DEFAULT);
    }

    ClusterIndex(Duration window, JoinRule rule) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the cluster window must be positive, not " + window);
        }
        this.window = window;
        this.windowMillis = window.toMillis();
        this.rule = rule;
    }

    /** A head and its slot in {@link #heads} (which a rebuild changes). */
    private static final class Head {
        final String storyId;
        final Set<String> ruleIds;
        final StoryFingerprint fingerprint;
        final Instant at;
        final long atMillis;
        int slot;
        /** The last lookup that looked at this head, so that a head found twice is judged once. */
        int lookedAtBy;
        boolean evicted;

        Head(String storyId, Set<String> ruleIds, StoryFingerprint fingerprint, Instant at) {
            this.storyId = storyId;
            this.ruleIds = Set.copyOf(ruleIds);
            this.fingerprint = fingerprint;
            this.at = at;
            this.atMillis = at.toEpochMilli();
        }
    }

    /** A placed story; {@code head} is set when it is one. */
    private record Placed(String storyId, ClusterDecision decision, Instant at, Head head) {
    }

    /**
     * Places a story that matched the given rules at the given time: it joins the most similar head sharing one
     * of its rules within the window when the {@link JoinRule} says so, else it becomes a new head.
     */
    public ClusterDecision place(String storyId, Set<String> ruleIds, StoryFingerprint fingerprint, Instant at) {
        Placed before = placed.get(storyId);
        if (before != null) {
            return before.decision();
        }
        advanceTo(at);
        ClusterDecision decision = decide(storyId, ruleIds, fingerprint, at);
        keep(new Placed(storyId, decision, at, decision.head() ? new Head(storyId, ruleIds, fingerprint, at) : null));
        return decision;
    }

    /** Takes back a record {@link #place} produced (read from where records are kept), as if it were placed again. */
    public void remember(ClusterRecord record) {
        if (placed.containsKey(record.storyId())) {
            return;
        }
        advanceTo(record.placedAt());
        if (isOutsideWindow(record.placedAt())) {
            return;
        }
        Head head = record.head()
                ? new Head(record.storyId(), record.ruleIds(), StoryFingerprint.decode(record.fingerprint()), record.placedAt())
                : null;
        keep(new Placed(record.storyId(), record.decision(), record.placedAt(), head));
    }

    /** How many heads are within the window. */
    public int heads() {
        return liveHeads;
    }

    /** How many stories, heads or not, the index remembers. */
    public int stories() {
        return placed.size();
    }

    public Duration window() {
        return window;
    }

    private ClusterDecision decide(String storyId, Set<String> ruleIds, StoryFingerprint fingerprint, Instant at) {
        Candidates candidates = new Candidates(++lookup, ruleIds, fingerprint, at);
        buckets.candidates(fingerprint, slot -> candidates.consider(heads.get(slot)));
        byNumber.candidates(fingerprint.numbers(), candidates::consider);
        return candidates.decision(storyId);
    }

    /** The heads one lookup finds, judged once each: the best that the story may join, and the closest that it may not. */
    private final class Candidates {
        private final int stamp;
        private final Set<String> ruleIds;
        private final StoryFingerprint fingerprint;
        private final long atMillis;
        private Head bestJoin;
        private JoinRule.Verdict bestJoinVerdict;
        private Head closestRefused;
        private JoinRule.Verdict closestRefusedVerdict;

        Candidates(int stamp, Set<String> ruleIds, StoryFingerprint fingerprint, Instant at) {
            this.stamp = stamp;
            this.ruleIds = ruleIds;
            this.fingerprint = fingerprint;
            this.atMillis = at.toEpochMilli();
        }

        void consider(Head head) {
            if (head == null || head.evicted || head.lookedAtBy == stamp || Math.abs(head.atMillis - atMillis) > windowMillis
                    || !sharesARule(head, ruleIds)) {
                return;
            }
            head.lookedAtBy = stamp;
            double similarity = fingerprint.similarity(head.fingerprint);
            if (similarity < rule.lowestThreshold()) {
                return;
            }
            JoinRule.Verdict verdict = rule.judge(similarity, fingerprint.anchors(), head.fingerprint.anchors());
            if (verdict.joins()) {
                if (bestJoin == null || isBetter(verdict, head, bestJoinVerdict, bestJoin)) {
                    bestJoin = head;
                    bestJoinVerdict = verdict;
                }
            } else if (closestRefused == null || isBetter(verdict, head, closestRefusedVerdict, closestRefused)) {
                closestRefused = head;
                closestRefusedVerdict = verdict;
            }
        }

        private String reason(JoinRule.Verdict verdict, Head head) {
            return JoinRule.reason(verdict, fingerprint.anchors(), head.fingerprint.anchors());
        }

        ClusterDecision decision(String storyId) {
            if (bestJoin != null) {
                return ClusterDecision.joined(bestJoin.storyId, bestJoinVerdict.similarity(),
                        "joined " + bestJoin.storyId + " " + reason(bestJoinVerdict, bestJoin));
            }
            if (closestRefused != null) {
                return ClusterDecision.newHead(storyId, "new head: closest was " + closestRefused.storyId + " "
                        + reason(closestRefusedVerdict, closestRefused));
            }
            return ClusterDecision.newHead(storyId, "new head: no similar story for these rules in the last " + describe(window));
        }
    }

    /** Higher similarity wins; on a tie the earlier head, then the smaller story id, so that decisions are deterministic. */
    private static boolean isBetter(JoinRule.Verdict verdict, Head head, JoinRule.Verdict than, Head thanHead) {
        if (verdict.similarity() != than.similarity()) {
            return verdict.similarity() > than.similarity();
        }
        if (!head.at.equals(thanHead.at)) {
            return head.at.isBefore(thanHead.at);
        }
        return head.storyId.compareTo(thanHead.storyId) < 0;
    }

    private static boolean sharesARule(Head head, Set<String> ruleIds) {
        for (String ruleId : ruleIds) {
            if (head.ruleIds.contains(ruleId)) {
                return true;
            }
        }
        return false;
    }

    private boolean isOutsideWindow(Instant at) {
        return at.isBefore(latest.minus(window));
    }

    private void keep(Placed story) {
        Head head = story.head();
        placed.put(story.storyId(), story);
        if (byTime.isEmpty() || !story.at().isBefore(byTime.peekLast().at())) {
            byTime.addLast(story);
        } else {
            insertInTimeOrder(story);
        }
        if (head != null) {
            int slot = heads.size();
            head.slot = slot;
            heads.add(head);
            buckets.add(head.fingerprint, slot);
            byNumber.add(head.fingerprint.numbers(), head);
            liveHeads++;
        }
    }

    /** A story placed out of time order (a late record when rebuilding): rare, so a linear walk from the end. */
    private void insertInTimeOrder(Placed story) {
        Deque<Placed> later = new ArrayDeque<>();
        while (!byTime.isEmpty() && byTime.peekLast().at().isAfter(story.at())) {
            later.addFirst(byTime.pollLast());
        }
        byTime.addLast(story);
        byTime.addAll(later);
    }

    /** Moves the clock (the latest time seen) forward and forgets what fell out of the window. */
    private void advanceTo(Instant at) {
        if (at.isAfter(latest)) {
            latest = at;
        }
        while (!byTime.isEmpty() && isOutsideWindow(byTime.peekFirst().at())) {
            Placed old = byTime.pollFirst();
            placed.remove(old.storyId(), old);
            if (old.head() != null) {
                old.head().evicted = true;
                heads.set(old.head().slot, null);
                byNumber.remove(old.head().fingerprint.numbers(), old.head());
                liveHeads--;
            }
        }
        int evicted = heads.size() - liveHeads;
        if (evicted > REBUILD_AFTER && evicted > liveHeads) {
            rebuild();
        }
    }

    private void rebuild() {
        List<Head> live = new ArrayList<>(liveHeads);
        for (Head head : heads) {
            if (head != null) {
                live.add(head);
            }
        }
        heads.clear();
        buckets.clear();
        for (Head head : live) {
            head.slot = heads.size();
            buckets.add(head.fingerprint, head.slot);
            heads.add(head);
        }
    }

    private static String describe(Duration window) {
        return window.toMinutes() % 60 == 0 ? window.toHours() + " h" : window.toMinutes() + " min";
    }
}
