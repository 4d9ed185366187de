package dev.newsalerts.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The classifier's settings ({@code classifier.*}): where the rules come from, how often they are checked, input limits. */
@ConfigMapping(prefix = "classifier")
public interface ClassifierConfig {

    /** YAML rule file; the rules bundled in the jar ({@code rules.yaml}) when absent. */
    Optional<String> rulesFile();

    /** How often the rule file is checked for changes; a valid change takes effect without a restart. */
    @WithDefault("2s")
    Duration reloadInterval();

    /** Largest story record accepted; a larger one goes to the dead-letter topic. */
    @WithDefault("262144")
    int maxStoryBytes();

    /**
     * Alerts that may await the broker's acknowledgement while the next stories are classified (at
     * most 1,024, the alerts channel's buffer). Each story is still committed only after its alert.
     */
    @WithDefault("256")
    int unacknowledgedAlerts();

    /** How the stories that report one event are gathered into a cluster. */
    Clusters clusters();

    interface Clusters {

        /** How long after a cluster's first story a later one can still join it. */
        @WithDefault("72h")
        Duration window();
    }
}
