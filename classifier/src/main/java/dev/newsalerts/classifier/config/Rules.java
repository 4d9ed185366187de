package dev.newsalerts.classifier.config;

import dev.newsalerts.classifier.domain.RuleSet;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The rules in force, compiled at start-up (a bad file stops the start) from the configured file or the bundled default. */
@Startup
@ApplicationScoped
public class Rules {

    static final String BUNDLED = "rules.yaml";

    private final RuleSet current;
    private final String origin;
    private final Instant loadedAt;

    public Rules(ClassifierConfig config) {
        this.origin = config.rulesFile().orElse("classpath:" + BUNDLED);
        this.current = RuleSet.compile(read(config), origin);
        this.loadedAt = Instant.now();
        Log.infof("Loaded rules %s from %s: %s", current.version(), origin, current.ruleIds());
    }

    public RuleSet current() {
        return current;
    }

    public String origin() {
        return origin;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    private static byte[] read(ClassifierConfig config) {
        try {
            if (config.rulesFile().isPresent()) {
                return Files.readAllBytes(Path.of(config.rulesFile().get()));
            }
            try (InputStream in = Rules.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the classifier jar");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rule file: " + e.getMessage(), e);
        }
    }
}
