package dev.newsalerts.notifier.rest;

import jakarta.validation.constraints.Pattern;

/**
 * The optional body of a secret rotation.
 *
 * @param secret the new {@code whsec_…} secret; one is generated when absent
 */
public record SecretRequest(@Pattern(regexp = SubscriptionRequest.SECRET_PATTERN, message = SubscriptionRequest.SECRET_MESSAGE)
        String secret) {
}
