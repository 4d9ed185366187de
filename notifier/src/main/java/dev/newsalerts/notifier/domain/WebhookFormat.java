package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body a webhook subscription receives: Standard Webhooks JSON, or a chat service's incoming-webhook JSON. */
public enum WebhookFormat {
    @JsonProperty("standard") STANDARD,
    @JsonProperty("slack") SLACK,
    @JsonProperty("discord") DISCORD,
    @JsonProperty("teams") TEAMS
}
