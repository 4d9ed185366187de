package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a subscription is reached. */
public enum Channel {
    @JsonProperty("webhook") WEBHOOK,
    @JsonProperty("email") EMAIL
}
