package dev.newsalerts.classifier.app;

import dev.newsalerts.classifier.config.ClassifierConfig;
import dev.newsalerts.classifier.domain.RuleCatalogue;
import dev.newsalerts.classifier.domain.RuleFileException;
import dev.newsalerts.classifier.domain.RuleSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules in force. Compiled at start-up (a bad file stops the start) from
 * {@code classifier.rules-file} or the bundled default; a configured file is then checked every
 * {@code classifier.reload-interval}: a valid change is swapped in atomically, an invalid one is
 * refused, reported once (log, {@code GET /rules/status}, metrics) and the rules in force stay.
 */
@Startup
@ApplicationScoped
public class Rules {

    static final String BUNDLED = "rules.yaml";

    /** What {@code GET /rules/status} shows. */
    public record Status(String version, String origin, Instant loadedAt, List<String> ruleIds, String lastError,
            Instant lastErrorAt) {
    }

    private record InForce(RuleSet rules, Instant loadedAt) {
    }

    private record Refusal(String fileVersion, String message, Instant at) {
    }

    private final Optional<Path> file;
    private final String origin;
    private final Counter reloadFailures;
    private volatile InForce inForce;
    private volatile Refusal refusal;

    public Rules(ClassifierConfig config, MeterRegistry registry) {
        this.file = config.rulesFile().map(Path::of);
        this.origin = config.rulesFile().orElse("classpath:" + BUNDLED);
        this.inForce = new InForce(RuleSet.compile(readInitial(), origin), Instant.now());
        this.reloadFailures = Counter.builder("classifier.rules.reload.failures")
                .description("Rule file changes refused because the file was invalid").register(registry);
        // Replace a gauge left by an earlier instance in this JVM (tests restart the application).
        registry.find("classifier.rules.valid").meters().forEach(registry::remove);
        Gauge.builder("classifier.rules.valid", () -> refusal == null ? 1 : 0).strongReference(true)
                .description("1 while the rule file in force is the file on disk, 0 while a change is refused").register(registry);
        Log.infof("Rules %s in force from %s: %s", current().version(), origin, current().ruleIds());
    }

    public RuleSet current() {
        return inForce.rules();
    }

    /** The rules in force as the other services see them. */
    public RuleCatalogue catalogue() {
        InForce now = inForce;
        return new RuleCatalogue(now.rules().version(), now.loadedAt(), now.rules().catalogueEntries());
    }

    public Status status() {
        InForce now = inForce;
        Refusal refused = refusal;
        return new Status(now.rules().version(), origin, now.loadedAt(), now.rules().ruleIds(),
                refused == null ? null : refused.message(), refused == null ? null : refused.at());
    }

    @Scheduled(every = "${classifier.reload-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        if (file.isEmpty()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.get());
        } catch (IOException e) {
            refuse("io", "cannot read " + origin + ": " + e.getMessage());
            return;
        }
        String version = RuleSet.versionOf(bytes);
        Refusal refused = refusal;
        if (version.equals(current().version())) {
            if (refused != null) {
                refusal = null;
                Log.infof("Rule file %s is back to the rules in force (%s)", origin, version);
            }
            return;
        }
        if (refused != null && refused.fileVersion().equals(version)) {
            return; // this content was refused already
        }
        try {
            inForce = new InForce(RuleSet.compile(bytes, origin), Instant.now());
            refusal = null;
            Log.infof("Rules reloaded: %s in force from %s: %s", version, origin, current().ruleIds());
        } catch (RuleFileException e) {
            refuse(version, e.getMessage());
        }
    }

    private void refuse(String fileVersion, String message) {
        Refusal refused = refusal;
        if (refused != null && refused.fileVersion().equals(fileVersion) && refused.message().equals(message)) {
            return;
        }
        refusal = new Refusal(fileVersion, message, Instant.now());
        reloadFailures.increment();
        Log.errorf("Rule file refused; rules %s stay in force. %s", current().version(), message);
    }

    private byte[] readInitial() {
        try {
            if (file.isPresent()) {
                return Files.readAllBytes(file.get());
            }
            try (InputStream in = Rules.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the classifier jar");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rule file " + origin + ": " + e.getMessage(), e);
        }
    }
}
