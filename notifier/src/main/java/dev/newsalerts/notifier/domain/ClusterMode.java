package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which stories of one cluster (the same event reported by several outlets, as the classifier
 * decides) a subscription receives.
 */
public enum ClusterMode {
    /** Every story, each outlet's copy too. */
    @JsonProperty("each") EACH,
    /** The first story of each cluster only. */
    @JsonProperty("first") FIRST,
    /** The first story, then one update once the cluster has grown by {@code updateAfter} outlets. */
    @JsonProperty("first+updates") FIRST_UPDATES;

    /** The mode of a subscription made before clusters existed, which received every story. */
    public static final ClusterMode STORED_BEFORE_CLUSTERS = EACH;
    /** The mode of a new subscription that names none. */
    public static final ClusterMode DEFAULT = FIRST;
    /** Outlets a cluster grows by before a {@code first+updates} subscription gets its update, unless it says. */
    public static final int DEFAULT_UPDATE_AFTER = 3;

    /** The name it has in the API and in configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '+');
    }

    /** @throws IllegalArgumentException naming the modes when it is none of them */
    public static ClusterMode parse(String id) {
        for (ClusterMode mode : values()) {
            if (mode.id().equals(id.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not one of " + Arrays.stream(values()).map(ClusterMode::id).toList());
    }
}
