package dev.newsalerts.localrun;

import dev.newsalerts.localkafka.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One instance of a packaged service (its Quarkus fast jar) in a child JVM, on its own loopback port. */
final class ServiceInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final ChildJvm jvm;

    private ServiceInstance(String name, int port, ChildJvm jvm) {
        this.name = name;
        this.port = port;
        this.jvm = jvm;
    }

    /** Starts the instance; {@link #isReady()} says when it serves. Its output goes to {@code logDir/<name>.log}. */
    static ServiceInstance launch(ServiceApp app, String name, List<String> settings, Path logDir) throws IOException {
        int port = freePort();
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        options.addAll(settings);
        ChildJvm jvm = ChildJvm.start(name, List.of(app.runJar(Path.of("../..").toAbsolutePath().normalize()).toString()),
                options, "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), logDir.resolve(name + ".log"));
        return new ServiceInstance(name, port, jvm);
    }

    String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Whether {@code /q/health/ready} answers 200 (Kafka included). */
    boolean isReady() throws InterruptedException {
        if (!jvm.isAlive()) {
            throw new IllegalStateException(name + " exited; see its log");
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** kill -9: no shutdown hook runs, nothing is committed or handed over. */
    void kill() throws InterruptedException {
        ProcessHandle.of(jvm.pid()).ifPresent(ProcessHandle::destroyForcibly);
        jvm.waitFor(10, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    @Override
    public void close() {
        jvm.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
