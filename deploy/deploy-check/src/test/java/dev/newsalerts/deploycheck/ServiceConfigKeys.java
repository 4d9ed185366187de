package dev.newsalerts.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every configuration key one packaged service reads, taken from its build
 * ({@code <module>/target/quarkus-app/}), so that an environment variable can be checked against
 * them:
 * <ul>
 * <li>the keys of its {@code application.properties} (profiles stripped);</li>
 * <li>the keys of the {@code @ConfigMapping} interfaces of this project in its jars (its own and
 * the libraries it uses, such as kafka-support);</li>
 * <li>the keys each Quarkus extension it holds documents (its
 * {@code META-INF/quarkus-config-doc/quarkus-config-model.json}), with their phase: a key fixed at
 * build time is refused, since setting it on a container does nothing;</li>
 * <li>{@code kafka.*}: the Kafka client's own settings (producer, consumer, admin), which Quarkus
 * passes to every channel;</li>
 * <li>{@code mp.messaging.incoming|outgoing.<channel>.*} for the channels its properties name.</li>
 * </ul>
 */
final class ServiceConfigKeys {

    private static final String MAPPING_DESCRIPTOR = "L" + ConfigMappingKeys.CONFIG_MAPPING.replace('.', '/') + ";";
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..+");

    private final String service;
    private final Set<String> kafkaSettings = new TreeSet<>();
    private final Set<String> propertiesKeys = new TreeSet<>();
    private final List<Pattern> templates = new ArrayList<>();
    private final List<Pattern> buildTimeOnly = new ArrayList<>();
    private final List<String> mappingInterfaces = new ArrayList<>();
    private final Set<String> mappingKeys = new TreeSet<>();

    private ServiceConfigKeys(String service) {
        this.service = service;
    }

    /** Reads the keys of the service built in {@code moduleDir}; fails saying how to build it when it is not built. */
    static ServiceConfigKeys of(Path moduleDir) {
        Path app = moduleDir.resolve("target/quarkus-app");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + " is missing: build the services first (./mvnw package -DskipTests)");
        }
        ServiceConfigKeys keys = new ServiceConfigKeys(moduleDir.getFileName().toString());
        List<Path> jars = new ArrayList<>();
        for (String dir : List.of("app", "lib/boot", "lib/main")) {
            try (Stream<Path> files = Files.list(app.resolve(dir))) {
                files.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls(jars), ClassLoader.getPlatformClassLoader())) {
            for (Path jar : jars) {
                keys.read(jar, loader, jar.getParent().getFileName().toString().equals("app"));
            }
            keys.readKafkaClientSettings(loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    String service() {
        return service;
    }

    /** The {@code @ConfigMapping} interfaces found, for messages and for the test that this is not empty. */
    List<String> mappingInterfaces() {
        return List.copyOf(mappingInterfaces);
    }

    /**
     * The key templates of this project's {@code @ConfigMapping} interfaces in the service (see
     * {@link ConfigMappingKeys#of}), for the check of docs/CONFIGURATION.md.
     */
    Set<String> mappingKeys() {
        return Set.copyOf(mappingKeys);
    }

    /** Why {@code variable} sets no key of this service, or empty when it sets one. */
    Optional<String> problemWith(String variable) {
        if (kafkaSettings.contains(variable) || templates.stream().anyMatch(p -> p.matcher(variable).matches())) {
            return Optional.empty();
        }
        if (buildTimeOnly.stream().anyMatch(p -> p.matcher(variable).matches())) {
            return Optional.of(variable + " sets a key of " + service + " that Quarkus fixes at build time: setting it on a"
                    + " container does nothing (set it in application.properties instead)");
        }
        if (variable.startsWith("QUARKUS_")) {
            return Optional.of(variable + " is no run-time key of a Quarkus extension in " + service + ": misspelled, or a"
                    + " key read at build time only (set in application.properties, it is fixed in the build)");
        }
        if (propertiesKeys.contains(variable)) {
            return Optional.empty();
        }
        return Optional.of(variable + " is not a configuration key of " + service + " (none of its application.properties"
                + " keys, @ConfigMapping keys " + mappingInterfaces + ", Quarkus extension keys, kafka.* client settings or"
                + " channel settings maps to it; a key's variable is the key in upper case with . and - as _)");
    }

    private void read(Path jar, ClassLoader loader, boolean application) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (application) {
                JarEntry properties = file.getJarEntry("application.properties");
                if (properties != null) {
                    try (InputStream in = file.getInputStream(properties)) {
                        readProperties(in);
                    }
                }
            }
            JarEntry model = file.getJarEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
            if (model != null) {
                try (InputStream in = file.getInputStream(model)) {
                    readQuarkusModel(new ObjectMapper().readTree(in));
                }
            }
            if (application || jar.getFileName().toString().startsWith("dev.newsalerts.")) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = file.getInputStream(entry)) {
                            if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(MAPPING_DESCRIPTOR)) {
                                readMapping(entry.getName(), loader);
                            }
                        }
                    }
                }
            }
        }
    }

    private void readProperties(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        for (String key : properties.stringPropertyNames()) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            propertiesKeys.add(EnvNames.of(plain));
            Matcher channel = CHANNEL.matcher(plain);
            if (channel.matches()) {
                templates.add(EnvNames.pattern("mp.messaging." + channel.group(1) + "." + channel.group(2) + "." + EnvNames.ANY_SEGMENT));
            }
        }
    }

    private void readMapping(String classFile, ClassLoader loader) {
        String name = classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name + " of " + service, e);
        }
        if (ConfigMappingKeys.annotation(type, ConfigMappingKeys.CONFIG_MAPPING).isPresent()) {
            mappingInterfaces.add(type.getSimpleName());
            ConfigMappingKeys.of(type).forEach(key -> {
                mappingKeys.add(key);
                templates.add(EnvNames.pattern(key));
            });
        }
    }

    private void readQuarkusModel(JsonNode node) {
        if (node.isObject()) {
            JsonNode path = node.get("path");
            if (path != null && path.has("property")) {
                Pattern pattern = EnvNames.pattern(EnvNames.templateOfDocumented(path.get("property").asText()));
                String phase = node.path("phase").asText("RUN_TIME");
                (phase.equals("RUN_TIME") ? templates : buildTimeOnly).add(pattern);
            }
        }
        node.forEach(this::readQuarkusModel);
    }

    private void readKafkaClientSettings(ClassLoader loader) {
        // Kafka's config definitions load their default classes through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            readKafkaClientSettingsWith(loader);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void readKafkaClientSettingsWith(ClassLoader loader) {
        for (String config : List.of("org.apache.kafka.clients.producer.ProducerConfig",
                "org.apache.kafka.clients.consumer.ConsumerConfig", "org.apache.kafka.clients.admin.AdminClientConfig")) {
            try {
                Collection<?> names = (Collection<?>) Class.forName(config, true, loader).getMethod("configNames").invoke(null);
                names.forEach(name -> kafkaSettings.add(EnvNames.of("kafka." + name)));
            } catch (ClassNotFoundException e) {
                // A service without the Kafka client has no kafka.* settings.
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("cannot read the settings of " + config + " in " + service, e);
            }
        }
    }

    private static URL[] urls(List<Path> jars) {
        return jars.stream().map(jar -> {
            try {
                return jar.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(URL[]::new);
    }
}
