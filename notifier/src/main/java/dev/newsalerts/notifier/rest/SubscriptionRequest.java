package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.ClusterMode;
import dev.newsalerts.notifier.domain.WebhookFormat;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A subscription as a client creates or replaces it.
 *
 * @param rules rule ids wanted; empty or absent for all
 * @param secret webhooks: a {@code whsec_…} secret; one is generated when absent on creation
 * @param enabled absent means true
 * @param digest email: gather alerts into one mail per window such as {@code 1h}; absent to send each at once
 * @param clusters which stories of one event it gets; absent means {@link ClusterMode#DEFAULT}
 * @param updateAfter {@code first+updates}: the outlets a cluster grows by before the one update
 * @param contact an email address told when the notifier disables the subscription; absent for nobody
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Channel channel,
        @NotBlank @Size(max = 2000) String target,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> rules,
        @DecimalMin("0") @DecimalMax("1") Double minScore,
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or zh-Hant")
        String language,
        WebhookFormat format,
        @Pattern(regexp = SECRET_PATTERN, message = SECRET_MESSAGE) String secret,
        Boolean enabled,
        String digest,
        ClusterMode clusters,
        @Min(1) @Max(1000) Integer updateAfter,
        @Size(max = 320) String contact) {

    static final String SECRET_PATTERN = "whsec_[A-Za-z0-9+/]{16,}={0,2}";
    static final String SECRET_MESSAGE = "must be whsec_ followed by base64 (at least 12 bytes)";
}
