package dev.newsalerts.classifier.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A rule file of its own for a test: a copy of the bundled rules in a temporary file, checked every 100 ms. */
public class RuleFileResource implements QuarkusTestResourceLifecycleManager {

    private static Path file;
    private static String bundled;

    public static Path file() {
        return file;
    }

    public static String bundledRules() {
        return bundled;
    }

    @Override
    public Map<String, String> start() {
        try (InputStream in = RuleFileResource.class.getResourceAsStream("/rules.yaml")) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            file = Files.createTempFile("rules", ".yaml");
            Files.writeString(file, bundled);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("classifier.rules-file", file.toString(), "classifier.reload-interval", "100ms");
    }

    @Override
    public void stop() {
        // the temporary file goes with the test JVM's temp directory
    }
}
