package dev.newsalerts.deploycheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository this module sits in, and what the checks read from it. */
final class Repo {

    /** The service modules, named as their directories, their Compose services and their Kubernetes containers. */
    static final List<String> SERVICES = List.of("feed-poller", "classifier", "notifier");

    static final Path ROOT = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path COMPOSE_FILE = DEPLOY.resolve("docker-compose.yml");
    /** The offline demo, laid over {@link #COMPOSE_FILE}. */
    static final Path COMPOSE_DEMO_FILE = DEPLOY.resolve("docker-compose.demo.yml");
    static final Path DOCKERFILE = DEPLOY.resolve("docker/Dockerfile.jvm");

    private static final Map<String, ServiceConfigKeys> KEYS = new ConcurrentHashMap<>();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ARG = Pattern.compile("(?m)^\\s*ARG\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private Repo() {
    }

    /** The configuration keys of a packaged service, read once per test JVM. */
    static ServiceConfigKeys keys(String service) {
        return KEYS.computeIfAbsent(service, name -> ServiceConfigKeys.of(ROOT.resolve(name)));
    }

    /** One YAML document; merge keys ({@code <<: *anchor}) resolved. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        return (Map<String, Object>) yamlDocuments(file).get(0);
    }

    /** Every document of a YAML file ({@code ---} separated), empty ones left out. */
    static List<Object> yamlDocuments(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Object> documents = new ArrayList<>();
            new Yaml(new LoaderOptions()).loadAll(in).forEach(document -> {
                if (document != null) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Environment variables the image's own Dockerfile reads (its entry point, its health check),
     * which are no configuration key but may still be set: {@code $NAME} or {@code ${NAME}}, build
     * arguments left out.
     */
    static Set<String> variablesTheImageReads() {
        String dockerfile = read(DOCKERFILE);
        Set<String> args = new LinkedHashSet<>();
        Matcher arg = ARG.matcher(dockerfile);
        while (arg.find()) {
            args.add(arg.group(1));
        }
        Set<String> read = new LinkedHashSet<>();
        Matcher variable = VARIABLE.matcher(dockerfile);
        while (variable.find()) {
            if (!args.contains(variable.group(1))) {
                read.add(variable.group(1));
            }
        }
        return read;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
