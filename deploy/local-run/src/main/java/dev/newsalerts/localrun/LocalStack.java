package dev.newsalerts.localrun;

import dev.newsalerts.localkafka.ChildJvm;
import dev.newsalerts.localkafka.LocalKafka;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline on one machine: a local Kafka broker (unless an external one is given) and
 * the three services' packaged jars, each in a child JVM that dies with this one.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /**
     * The services' JIT on one machine that runs five JVMs: C1 only. Tiered C2 compilation costs
     * each service about a fifth of a core for its first minutes under load, the largest share of
     * a cold stack's latency tail; C1 code is fast enough for these rates (docs/BENCHMARKS.md,
     * "C1 or C2"). Images for servers keep the JVM's default.
     */
    public static final List<String> ONE_MACHINE_JIT = List.of("-XX:TieredStopAtLevel=1");

    /**
     * @param home the repository root, holding the services' builds
     * @param dataDir where the broker's data and the services' logs live
     * @param externalKafka bootstrap servers of a broker to use instead of starting one
     * @param consoleOutput the services write to this console; otherwise to {@code dataDir/logs}
     * @param config extra configuration of each service (Quarkus keys)
     */
    public record Settings(Path home, Path dataDir, Optional<String> externalKafka, int kafkaPort,
            Map<ServiceApp, Integer> httpPorts, Map<ServiceApp, Map<String, String>> config, boolean consoleOutput,
            boolean classDataArchives, List<String> serviceJvmOptions) {

        public int httpPort(ServiceApp app) {
            return httpPorts.getOrDefault(app, app.defaultPort());
        }
    }

    private final Settings settings;
    private final LocalKafka kafka;
    private final String bootstrapServers;
    private final Map<ServiceApp, ChildJvm> services = new EnumMap<>(ServiceApp.class);
    private final Map<ServiceApp, ClassDataArchive> archives = new EnumMap<>(ServiceApp.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalStack(Settings settings, LocalKafka kafka, String bootstrapServers) {
        this.settings = settings;
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker and the three services and returns once all of them are ready. */
    public static LocalStack start(Settings settings) throws IOException, InterruptedException {
        for (ServiceApp app : ServiceApp.values()) {
            if (!Files.isRegularFile(app.runJar(settings.home()))) {
                throw new IllegalStateException(app.runJar(settings.home()) + " is missing: build first with ./mvnw install -DskipTests");
            }
        }
        OwnerOnly.directory(settings.dataDir());
        Files.createDirectories(settings.dataDir().resolve("logs"));
        LocalKafka kafka = settings.externalKafka().isPresent() ? null
                : LocalKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        String bootstrap = settings.externalKafka().orElseGet(() -> kafka.bootstrapServers());
        LocalStack stack = new LocalStack(settings, kafka, bootstrap);
        try {
            for (ServiceApp app : ServiceApp.values()) {
                stack.launch(app);
            }
            for (ServiceApp app : ServiceApp.values()) {
                stack.awaitReady(app);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public URI baseUri(ServiceApp app) {
        return URI.create("http://127.0.0.1:" + settings.httpPort(app));
    }

    /** Stops one service gracefully and starts it again, returning once it is ready. */
    public void restart(ServiceApp app) throws IOException, InterruptedException {
        services.remove(app).close();
        launch(app);
        awaitReady(app);
    }

    /** Kills one service (SIGKILL: nothing flushed, no shutdown hooks) and starts it again, returning once it is ready. */
    public void killAndRestart(ServiceApp app) throws IOException, InterruptedException {
        ChildJvm killed = services.remove(app);
        ProcessHandle.of(killed.pid()).ifPresent(ProcessHandle::destroyForcibly);
        killed.waitFor(30, TimeUnit.SECONDS);
        launch(app);
        awaitReady(app);
    }

    /** The first service that is no longer running, if any. */
    public Optional<ServiceApp> exitedService() {
        return services.entrySet().stream().filter(entry -> !entry.getValue().isAlive()).map(Map.Entry::getKey).findFirst();
    }

    /** Stops the services, then the broker. */
    @Override
    public void close() {
        List<ServiceApp> running = new ArrayList<>(services.keySet());
        running.parallelStream().forEach(app -> services.get(app).close());
        services.clear();
        archives.values().forEach(ClassDataArchive::keepRecorded);
        if (kafka != null) {
            kafka.close();
        }
    }

    private void launch(ServiceApp app) throws IOException {
        List<String> options = new ArrayList<>();
        if (settings.classDataArchives()) {
            ClassDataArchive archive = ClassDataArchive.of(settings.dataDir().resolve("cds"), app.displayName(),
                    List.of(app.runJar(settings.home())));
            archives.put(app, archive);
            options.addAll(archive.jvmOptions());
        }
        // The heap starts small and grows with the work: an idle local run holds only what it uses. Its
        // ceiling is for the state that grows with the alerts (the clusters of 72 hours, the delivery
        // log): at 1,000 stories/s for 5 minutes, 384 MiB kept the classifier in full collections.
        options.addAll(List.of("-Xms16m", "-Xmx1g", "-XX:+UseSerialGC",
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dquarkus.http.port=" + settings.httpPort(app),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.banner.enabled=false",
                "-Dquarkus.log.console.format=%d{HH:mm:ss} %-5p [" + app.displayName() + "] %s%e%n",
                "-Dquarkus.log.category.\"org.apache.kafka\".level=WARN",
                "-Dquarkus.log.category.\"io.smallrye.reactive.messaging.kafka\".level=WARN"));
        options.addAll(settings.serviceJvmOptions());
        if (app == ServiceApp.NOTIFIER) {
            // the web console's feed health, from this stack's feed-poller, and its back-tests, by this
            // stack's classifier, whatever their ports
            options.add("-Dnotifier.console.feed-poller-url=" + baseUri(ServiceApp.FEED_POLLER));
            options.add("-Dnotifier.console.classifier-url=" + baseUri(ServiceApp.CLASSIFIER));
        }
        Path output = settings.consoleOutput() ? null : settings.dataDir().resolve("logs").resolve(app.displayName() + ".log");
        services.put(app, ChildJvm.start(app.displayName(), List.of(app.runJar(settings.home()).toString()), options,
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), output, workingDirectory(app)));
    }

    /**
     * The service's working directory, holding its settings in {@code config/application.properties}
     * (which Quarkus reads from there), readable by this user only: settings such as the API token
     * and webhook secrets never appear on a command line, which every local user can list.
     */
    private Path workingDirectory(ServiceApp app) throws IOException {
        Path dir = OwnerOnly.directory(settings.dataDir().toAbsolutePath().resolve("services").resolve(app.displayName()));
        Properties properties = new Properties();
        properties.putAll(settings.config().getOrDefault(app, Map.of()));
        StringWriter text = new StringWriter();
        properties.store(text, "Written by the local run at each start; read by " + app.displayName());
        OwnerOnly.write(OwnerOnly.directory(dir.resolve("config")).resolve("application.properties"), text.toString());
        return dir;
    }

    private void awaitReady(ServiceApp app) throws InterruptedException {
        URI health = baseUri(app).resolve("/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!services.get(app).isAlive()) {
                throw new IllegalStateException(app.displayName() + " exited during start-up" + logHint(app));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250); // polling a child process's health endpoint
        }
        throw new IllegalStateException(app.displayName() + " was not ready within " + READY_TIMEOUT + logHint(app));
    }

    private String logHint(ServiceApp app) {
        return settings.consoleOutput() ? "; see its output above"
                : "; see " + settings.dataDir().resolve("logs").resolve(app.displayName() + ".log");
    }
}
