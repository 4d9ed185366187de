package dev.newsalerts.notifier.messaging;

import dev.newsalerts.notifier.domain.Subscription;

/**
 * A subscription as read from news.subscriptions ({@link SubscriptionJson}), with what its stored
 * secrets need.
 *
 * @param subscription with its secrets decrypted; when they could not be, without them and disabled, saying why
 * @param unreadable why its secrets could not be decrypted (a key that is not configured, say); null when they could
 * @param stale a secret is stored in plain text (from before secrets were encrypted) or under a
 *        previous key: it is to be encrypted again under the current key
 */
record StoredSubscription(Subscription subscription, String unreadable, boolean stale) {

    /** A subscription written by this instance: its secrets under the current key. */
    static StoredSubscription written(Subscription subscription) {
        return new StoredSubscription(subscription, null, false);
    }
}
