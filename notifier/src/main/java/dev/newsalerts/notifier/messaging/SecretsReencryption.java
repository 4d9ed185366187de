package dev.newsalerts.notifier.messaging;

import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.KafkaWriteException;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

/**
 * At start-up, once news.subscriptions has been read: writes again, under the current key, each
 * subscription whose secrets are stored in plain text (from before they were encrypted) or under a
 * previous key, so that key can then be removed from {@code notifier.secrets.previous-keys}; and
 * says which subscriptions are kept disabled because their secrets do not decrypt. Logs counts and
 * key ids, never a secret. Runs on a thread of its own, so start-up does not wait for it.
 */
final class SecretsReencryption {

    private static final Duration LOAD_CHECK = Duration.ofSeconds(5);

    private final FollowedTable<StoredSubscription> table;
    private final String currentKeyId;
    private volatile boolean stopped;
    private Thread thread;

    /** @param currentKeyId the id of the key that encrypts; null when none is configured */
    SecretsReencryption(FollowedTable<StoredSubscription> table, String currentKeyId) {
        this.table = table;
        this.currentKeyId = currentKeyId;
    }

    void startOnceLoaded() {
        thread = new Thread(this::runOnceLoaded, "subscription-secrets-reencryption");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void runOnceLoaded() {
        try {
            while (!table.awaitLoaded(LOAD_CHECK)) {
                if (stopped) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        run();
    }

    /** Encrypts the stale secrets again; @return how many subscriptions were written */
    int run() {
        TreeSet<String> stale = new TreeSet<>();
        int unreadable = 0;
        for (Map.Entry<String, StoredSubscription> entry : table.asMap().entrySet()) {
            StoredSubscription stored = entry.getValue();
            if (stored.unreadable() != null) {
                unreadable++;
                Log.warnf("Subscription %s (%s) is kept disabled: %s", entry.getKey(), stored.subscription().name(),
                        stored.unreadable());
            } else if (stored.stale()) {
                stale.add(entry.getKey());
            }
        }
        if (stale.isEmpty()) {
            if (currentKeyId != null) {
                // what tells an operator that a previous key can go (docs/OPERATIONS.md)
                Log.infof("Every webhook secret in %s is under the current key '%s'%s", Topics.SUBSCRIPTIONS, currentKeyId,
                        unreadable == 0 ? "" : ", but for those of " + unreadable + " subscriptions that cannot be decrypted");
            }
            return 0;
        }
        if (currentKeyId == null) {
            Log.warnf("%d subscriptions in %s hold webhook secrets in plain text: set %s to encrypt them (docs/OPERATIONS.md)",
                    stale.size(), Topics.SUBSCRIPTIONS, SecretKeys.KEY_SETTING);
            return 0;
        }
        int written = 0;
        for (String id : stale) {
            if (stopped) {
                break;
            }
            // read again: the API may have written it meanwhile, under the current key
            StoredSubscription stored = table.get(id).orElse(null);
            if (stored == null || !stored.stale()) {
                continue;
            }
            try {
                JsonTables.put(table, id, StoredSubscription.written(stored.subscription()));
                written++;
            } catch (KafkaWriteException e) {
                Log.errorf("The secrets of subscription %s could not be encrypted again under the current key: %s", id,
                        e.getMessage());
            }
        }
        Log.infof("Webhook secrets of %d of %d subscriptions that were in plain text or under a previous key encrypted"
                + " again under the current key '%s'", written, stale.size(), currentKeyId);
        return written;
    }
}
