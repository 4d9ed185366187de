package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Channel;

/** Whether a subscription's target can be delivered to (a port: {@code client/SubscriptionTargets}). */
public interface TargetCheck {

    /** @throws TargetRefusedException saying what is wrong with it */
    void check(Channel channel, String target) throws TargetRefusedException;
}
