package dev.newsalerts.notifier.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps each subscription's receiver to its share of attempts, and lets it cool down after failures
 * (a port: {@code client/EndpointPacer} says how).
 */
public interface ReceiverPacing {

    /** Empty when a delivery may be tried now, else the time to park it until. */
    Optional<Instant> holdUntil(String subscriptionId, Instant now, Duration shortHold);

    /**
     * One of the receiver's in-flight slots, holding no thread while it waits: completes with true
     * once the slot is the caller's (call {@link #release} when done), or with false when the
     * receiver freed none for {@code stall} (it is slow or stuck, not busy) or the wait lasted
     * {@code longest}.
     */
    CompletableFuture<Boolean> slot(String subscriptionId, Duration stall, Duration longest);

    /**
     * The receiver's next turn under its rate limit: taken when it comes within {@code longest},
     * left for another delivery when it is further away (the caller parks the delivery until then).
     */
    Turn nextTurn(String subscriptionId, Duration longest);

    void release(String subscriptionId);

    /** Its slots stayed full for a whole slot wait. */
    void congested(String subscriptionId, Instant now);

    /**
     * An attempt failed at {@code now}: hold deliveries back until {@code coolUntil} at least, longer
     * when the receiver keeps failing.
     */
    void failed(String subscriptionId, Instant now, Instant coolUntil);

    /** The receiver answered (a success, or a refusal of this delivery alone): no cool-down, and the others go ahead. */
    void succeeded(String subscriptionId);

    /** @param delay how long until the turn; @param taken whether it is reserved for the caller */
    record Turn(Duration delay, boolean taken) {
    }
}
