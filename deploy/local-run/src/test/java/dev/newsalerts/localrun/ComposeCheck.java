package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.DockerComposeContainer;

/**
 * The Compose check ({@code -Pcompose}, not in {@code verify}): builds the images and brings up
 * {@code deploy/docker-compose.yml} with the demo overlay, as the README's "Run with Docker
 * Compose" does, and waits until the notifier has delivered a signed webhook to webhook-tester and
 * an email to Mailpit, as its delivery log tells ({@code GET /subscriptions/{id}/deliveries}).
 *
 * <p>It drives Debian's {@code docker-compose} (1.29; Compose v2, which {@code ComposeContainer}
 * needs, is not packaged here), through Testcontainers' {@link DockerComposeContainer}.
 */
@RequiresDocker(images = {"apache/kafka:4.1.1", "eclipse-temurin:17-jdk", "eclipse-temurin:17-jre", "nginx:1.27-alpine",
        "axllent/mailpit:v1.27", "ghcr.io/tarampampam/webhook-tester:2", "jaegertracing/jaeger:2.8.0"})
class ComposeCheck {

    private static final String TOKEN = "compose-check-token";
    private static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();

    private static DockerComposeContainer<?> compose;

    @BeforeAll
    static void up() {
        assumeTrue(onPath("docker-compose"), "ComposeCheck skipped: docker-compose is not installed (apt-get install docker-compose)");
        compose = new DockerComposeContainer<>(DEPLOY.resolve("docker-compose.yml").toFile(),
                DEPLOY.resolve("docker-compose.demo.yml").toFile())
                .withLocalCompose(true)
                .withBuild(true)
                .withEnv("NEWS_ALERTS_API_TOKEN", TOKEN);
        compose.start();
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void theDemoStackDeliversASignedWebhookAndAnEmail() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(3)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(deliveries("config-hook")).as("webhook deliveries").contains("\"state\":\"delivered\"");
                    assertThat(deliveries("config-inbox")).as("email deliveries").contains("\"state\":\"delivered\"");
                });
    }

    private static String deliveries(String subscription) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8083/subscriptions/" + subscription + "/deliveries"))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
