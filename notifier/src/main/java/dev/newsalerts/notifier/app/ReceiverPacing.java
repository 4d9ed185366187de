package dev.newsalerts.notifier.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps each subscription's receiver to its share of attempts, and lets it cool down after failures
 * (a port: {@code client/EndpointPacer} says how).
 */
public interface ReceiverPacing {

    /** Empty when a delivery may be tried now, else the time to park it until. */
    Optional<Instant> holdUntil(String subscriptionId, Instant now, Duration shortHold);

    /** Waits up to {@code maxWait} for one of the receiver's in-flight slots; when it gets one, call {@link #release}. */
    boolean acquire(String subscriptionId, Duration maxWait) throws InterruptedException;

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
