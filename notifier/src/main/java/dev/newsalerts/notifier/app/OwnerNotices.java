package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Subscription;

/** Tells a subscription's owner what the notifier did to it (a port: {@code client/OwnerEmails}). */
public interface OwnerNotices {

    /** The notifier disabled {@code subscription} for {@code reason}; its contact, if it has one, is told without holding the caller. */
    void disabled(Subscription subscription, String reason);
}
