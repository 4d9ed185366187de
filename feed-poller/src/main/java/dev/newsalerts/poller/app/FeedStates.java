package dev.newsalerts.poller.app;

import dev.newsalerts.poller.domain.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What every instance knows of every feed between polls ({@code news.feed-state}): each feed's
 * state, and which stories were published, from any feed, by any instance (a port).
 */
public interface FeedStates {

    /** Starts following the states; returns once those saved so far are read, or after a while saying so. */
    void load();

    /**
     * Waits until the states are read up to the given end offsets (by partition), so that those
     * saved before them, by any instance, are known.
     *
     * @return false when that did not happen within {@code timeout}
     */
    boolean awaitReadUpTo(Map<Integer, Long> endOffsets, Duration timeout) throws InterruptedException;

    /**
     * Claims the ids of the stories published since {@code since} by any instance, also those whose
     * feed's state was never saved (a poll killed between publishing and saving).
     *
     * @return how many published stories were read
     */
    int claimPublishedSince(Instant since, Duration timeout);

    /** Claims a story for publishing: true only for the first caller, from any feed, ever. */
    boolean claim(String storyId);

    /** Gives back claims whose stories could not be published, so a later poll tries again. */
    void release(Collection<String> storyIds);

    /** The state of the feed at {@code feedUrl}; an empty one when none was saved. */
    FeedState get(String feedUrl);

    /** Completes once the new state is stored. */
    CompletionStage<Void> save(FeedState state);

    /** Keeps the state of a feed that moved under its new URL and forgets the old one; returns once both are stored. */
    void move(String oldUrl, String newUrl);
}
