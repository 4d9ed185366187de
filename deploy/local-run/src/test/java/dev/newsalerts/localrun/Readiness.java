package dev.newsalerts.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits for a packaged service started by a test to be ready: {@code /q/health/ready} (Kafka included) answers 200. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Readiness() {
    }

    static void awaitReady(int port) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
