package dev.newsalerts.poller.app;

import java.time.Duration;

/** The WebSub hubs that push feeds' updates, as {@link WebSubSubscriptions} asks them to start or stop (a port). */
public interface Hubs {

    /** @throws HubException saying why the hub did not accept the request */
    void subscribe(String hub, String topic, String callback, String secret, Duration lease) throws HubException;

    /** @throws HubException saying why the hub did not accept the request */
    void unsubscribe(String hub, String topic, String callback) throws HubException;

    /** A hub did not take a (un)subscription request; the message says why. */
    class HubException extends Exception {
        public HubException(String message) {
            super(message);
        }
    }
}
