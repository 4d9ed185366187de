package dev.newsalerts.poller.app;

import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.FeedUrl;
import dev.newsalerts.poller.domain.HubLinks;
import dev.newsalerts.poller.domain.HubSignature;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The WebSub subscriptions of the feeds this instance polls, so new items arrive in seconds
 * rather than at the next poll (polling goes on as the fallback). A feed that names a hub and a
 * self URL is subscribed after a poll, with a callback under {@code poller.websub.callback-base-url}
 * and a secret of its own; the subscription is renewed once half its lease has passed, and dropped
 * when the feed goes to another instance. Kept in memory: after a restart each feed is subscribed
 * again at its first poll. Without a callback base URL, WebSub is off.
 */
@ApplicationScoped
public class WebSubSubscriptions {

    /** A pending request is asked again after this long without the hub's verification. */
    private static final Duration PENDING_RETRY = Duration.ofMinutes(5);

    private final PollerConfig.WebSub config;
    private final Hubs hubs;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Subscription> byFeedId = new ConcurrentHashMap<>();
    private final ExecutorService requests = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "websub-hub-requests");
        thread.setDaemon(true);
        return thread;
    });

    public WebSubSubscriptions(PollerConfig config, Hubs hubs) {
        this.config = config.websub();
        this.hubs = hubs;
    }

    void start(@Observes StartupEvent event) {
        if (config.callbackBaseUrl().isEmpty()) {
            Log.info("WebSub is off: poller.websub.callback-base-url is not set, so feeds that name a hub are polled only");
        } else {
            Log.infof("WebSub is on: feeds that name a hub are subscribed with callbacks under %s/websub/", callbackBase());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        requests.shutdownNow();
    }

    public boolean enabled() {
        return config.callbackBaseUrl().isPresent();
    }

    /**
     * After a poll of {@code feed}: subscribes when it names a hub ({@code links}, empty after a 304,
     * when the links last seen are used) and is not subscribed, or renews a subscription half through its lease.
     */
    public void polled(FeedSource feed, Optional<HubLinks> links) {
        if (!enabled()) {
            return;
        }
        Subscription current = byFeedId.get(feed.id());
        HubLinks wanted;
        try {
            wanted = links.map(HubLinks::checked).orElse(current == null ? null : current.links());
        } catch (FeedUrl.Invalid e) {
            Log.warnf("Feed %s: not subscribed through WebSub, its %s; it is polled", feed.url(), e.getMessage());
            return;
        }
        if (wanted == null) {
            return;
        }
        Instant now = clock.instant();
        if (current != null && current.links().equals(wanted) && !current.needsRequest(now)) {
            return;
        }
        String secret = HexFormat.of().formatHex(randomBytes());
        Subscription requested = new Subscription(feed.url(), wanted, callback(feed), secret,
                current == null || !current.links().equals(wanted) ? null : current.secret(), now, null);
        byFeedId.put(feed.id(), requested);
        try {
            hubs.subscribe(wanted.hub(), wanted.self(), requested.callback(), secret, config.lease());
            Log.infof("Feed %s: asked WebSub hub %s for updates of %s", feed.url(), wanted.hub(), wanted.self());
        } catch (Hubs.HubException e) {
            Log.warnf("Feed %s: WebSub subscription failed (%s); it is polled, and asked again at a later poll", feed.url(),
                    e.getMessage());
        }
    }

    /** The feed went to another instance or away: asks its hub to stop, in the background. */
    public void drop(FeedSource feed) {
        Subscription subscription = byFeedId.get(feed.id());
        if (subscription == null) {
            return;
        }
        byFeedId.put(feed.id(), subscription.unsubscribing());
        requests.execute(() -> {
            try {
                hubs.unsubscribe(subscription.links().hub(), subscription.links().self(), subscription.callback());
            } catch (Hubs.HubException e) {
                Log.debugf("Feed %s: unsubscribing failed (%s); the subscription runs out with its lease", feed.url(), e.getMessage());
                byFeedId.remove(feed.id(), subscription.unsubscribing());
            }
        });
    }

    /**
     * A hub's verification of intent for the callback of {@code feedId}.
     *
     * @return the challenge to echo when the request is one this instance made; empty when it is not
     */
    public Optional<String> verify(String feedId, String mode, String topic, String challenge, Long leaseSeconds) {
        Subscription subscription = byFeedId.get(feedId);
        if (subscription == null || topic == null || !topic.equals(subscription.links().self())) {
            return Optional.empty();
        }
        if ("denied".equals(mode)) {
            Log.warnf("Feed %s: WebSub hub %s denied the subscription to %s; it is polled", subscription.feedUrl(),
                    subscription.links().hub(), topic);
            byFeedId.remove(feedId, subscription);
            return Optional.of("");
        }
        if (challenge == null) {
            return Optional.empty();
        }
        if ("subscribe".equals(mode) && !subscription.isUnsubscribing()) {
            Duration lease = leaseSeconds == null || leaseSeconds <= 0 ? config.lease() : Duration.ofSeconds(leaseSeconds);
            byFeedId.put(feedId, subscription.active(clock.instant().plus(lease)));
            Log.infof("Feed %s: WebSub subscription to %s verified, lease %d s", subscription.feedUrl(), topic, lease.toSeconds());
            return Optional.of(challenge);
        }
        if ("unsubscribe".equals(mode) && subscription.isUnsubscribing()) {
            byFeedId.remove(feedId, subscription);
            return Optional.of(challenge);
        }
        return Optional.empty();
    }

    /**
     * Checks a content distribution to the callback of {@code feedId}.
     *
     * @return the feed's URL when the signature is right; empty when it is not (the content is to be ignored)
     * @throws UnknownSubscription when this instance has no subscription under that callback
     */
    public Optional<String> authenticate(String feedId, byte[] body, String signature) {
        Subscription subscription = byFeedId.get(feedId);
        if (subscription == null || subscription.isUnsubscribing()) {
            throw new UnknownSubscription();
        }
        if (HubSignature.matches(signature, body, subscription.secret())
                || (subscription.previousSecret() != null && HubSignature.matches(signature, body, subscription.previousSecret()))) {
            return Optional.of(subscription.feedUrl());
        }
        Log.warnf("Feed %s: ignoring a WebSub delivery with %s", subscription.feedUrl(),
                signature == null ? "no X-Hub-Signature" : "a wrong X-Hub-Signature");
        return Optional.empty();
    }

    /** The subscription of a feed, for tests and the status API. */
    public Optional<Subscription> subscription(String feedId) {
        return Optional.ofNullable(byFeedId.get(feedId));
    }

    private String callback(FeedSource feed) {
        return callbackBase() + "/websub/" + feed.id();
    }

    private String callbackBase() {
        String base = config.callbackBaseUrl().orElseThrow();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * One feed's subscription.
     *
     * @param previousSecret the secret of the subscription this one renews, still accepted until the hub confirms
     * @param expiresAt when the lease the hub granted ends; null until the hub has verified the request
     */
    public record Subscription(String feedUrl, HubLinks links, String callback, String secret, String previousSecret,
            Instant requestedAt, Instant expiresAt) {

        private static final Instant UNSUBSCRIBING = Instant.EPOCH;

        boolean needsRequest(Instant now) {
            if (isUnsubscribing()) {
                return true;
            }
            if (expiresAt == null) {
                return requestedAt.plus(PENDING_RETRY).isBefore(now);
            }
            Duration granted = Duration.between(requestedAt, expiresAt);
            return requestedAt.plus(granted.dividedBy(2)).isBefore(now);
        }

        Subscription active(Instant until) {
            return new Subscription(feedUrl, links, callback, secret, null, requestedAt, until);
        }

        Subscription unsubscribing() {
            return new Subscription(feedUrl, links, callback, secret, null, requestedAt, UNSUBSCRIBING);
        }

        public boolean isUnsubscribing() {
            return UNSUBSCRIBING.equals(expiresAt);
        }

        /** Whether the hub has verified the subscription. */
        public boolean isActive() {
            return expiresAt != null && !isUnsubscribing();
        }
    }

    /** No subscription of this instance has this callback. */
    public static final class UnknownSubscription extends RuntimeException {
        UnknownSubscription() {
            super("no such subscription", null, false, false);
        }
    }
}
