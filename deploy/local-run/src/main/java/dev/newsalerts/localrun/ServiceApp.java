package dev.newsalerts.localrun;

import java.nio.file.Path;

/** The three services, where their packaged builds live, and their default HTTP ports. */
public enum ServiceApp {
    FEED_POLLER("feed-poller", 8081),
    CLASSIFIER("classifier", 8082),
    NOTIFIER("notifier", 8083);

    private final String directory;
    private final int defaultPort;

    ServiceApp(String directory, int defaultPort) {
        this.directory = directory;
        this.defaultPort = defaultPort;
    }

    public String displayName() {
        return directory;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The Quarkus fast-jar launcher built by {@code ./mvnw install}. */
    public Path runJar(Path home) {
        return home.resolve(directory).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** A file of the service's sources, such as its bundled rules or feed list. */
    public Path sourceResource(Path home, String name) {
        return home.resolve(directory).resolve("src/main/resources").resolve(name);
    }
}
