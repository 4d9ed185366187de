package dev.newsalerts.poller.domain;

import java.time.Instant;

/**
 * How a feed has been doing since this instance started.
 *
 * @param polls polls that ended, failed or not
 * @param answers polls the server answered with a feed (200) or with 304 Not Modified
 * @param notModified the 304 answers among those
 */
public record FeedHealth(
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures,
        long polls,
        long answers,
        long notModified,
        long storiesPublished) {

    /** A feed's health before its first poll. */
    public static final FeedHealth NEVER_POLLED = new FeedHealth(null, null, null, null, 0, 0, 0, 0, 0);

    /** The share of answers that were 304 Not Modified; null before the first answer. */
    public Double notModifiedShare() {
        return answers == 0 ? null : (double) notModified / answers;
    }

    /** This health after a poll that ended at {@code at} with a feed or a 304, publishing {@code published} stories. */
    public FeedHealth succeeded(Instant at, boolean wasNotModified, int published) {
        return new FeedHealth(at, at, lastErrorAt, lastError, 0, polls + 1, answers + 1,
                notModified + (wasNotModified ? 1 : 0), storiesPublished + published);
    }

    /** This health after a poll that failed at {@code at}. */
    public FeedHealth failed(Instant at, String error) {
        return new FeedHealth(at, lastSuccessAt, at, error, consecutiveFailures + 1, polls + 1, answers, notModified,
                storiesPublished);
    }
}
