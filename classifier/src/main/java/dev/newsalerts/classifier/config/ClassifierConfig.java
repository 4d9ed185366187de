package dev.newsalerts.classifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "classifier")
public interface ClassifierConfig {

    /** YAML rule file; the rules bundled in the jar ({@code rules.yaml}) when absent. */
    Optional<String> rulesFile();

    /** Largest story record accepted; a larger one goes to the dead-letter topic. */
    @WithDefault("262144")
    int maxStoryBytes();
}
