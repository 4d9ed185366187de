package dev.newsalerts.poller.app;

import dev.newsalerts.poller.domain.FeedSource;
import java.time.Duration;

/**
 * The feeds added through the API, kept where every instance reads them and they survive restarts
 * ({@code news.feeds}), as {@link FeedCatalog} needs them (a port).
 */
public interface ApiFeeds {

    /** What the store says, as it is read. */
    interface Listener {
        /** @param readAtStartUp whether the store held the feed when following started */
        void added(FeedSource feed, boolean readAtStartUp);

        void removed(String url);
    }

    /** Follows the store, handing every change to {@code listener}, on a thread of the store's. */
    void follow(Listener listener);

    /** Waits until the feeds the store held at start-up are known. */
    boolean awaitLoaded(Duration timeout) throws InterruptedException;

    /**
     * Returns once the store has the feed.
     *
     * @throws StoreUnavailableException when it did not take it in time
     */
    void save(FeedSource feed);

    /**
     * Returns once the store has forgotten the feed at {@code url}.
     *
     * @throws StoreUnavailableException when it did not take the change in time
     */
    void delete(String url);

    /** The store did not take a change in time; nothing was changed. */
    class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
