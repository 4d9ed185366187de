package dev.newsalerts.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** deploy/docker-compose.yml is valid, and what it mounts and tells the services to read is there. */
class ComposeFileTest {

    private final ComposeFile compose = new ComposeFile();

    @Test
    void dockerComposeAcceptsTheComposeFile() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("docker-compose"), "docker-compose is not installed, so the Compose file is not validated"
                + " (.ci/run installs it; by hand: apt-get install --no-install-recommends docker-compose)");
        dockerComposeConfig(List.of("-f", Repo.COMPOSE_FILE.toString()));
        dockerComposeConfig(List.of("-f", Repo.COMPOSE_FILE.toString(), "-f", Repo.COMPOSE_DEMO_FILE.toString()));
    }

    private static void dockerComposeConfig(List<String> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose"));
        command.addAll(files);
        command.addAll(List.of("config", "-q"));
        Process process = new ProcessBuilder(command).directory(Repo.ROOT.toFile()).redirectErrorStream(true).start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!exited) {
            process.destroyForcibly();
        }

        assertThat(exited).as("docker-compose config finished within 2 minutes").isTrue();
        assertThat(process.exitValue()).as("%s said:%n%s", String.join(" ", command), output).isZero();
    }

    @Test
    void everyFileOrDirectoryMountedFromTheHostExists() {
        List<String> missing = new ArrayList<>();
        for (ComposeFile file : List.of(compose, new ComposeFile(Repo.COMPOSE_DEMO_FILE))) {
            file.services().forEach((name, service) -> ComposeFile.volumes(service).stream()
                    .map(volume -> volume.split(":")[0]).filter(source -> source.startsWith("."))
                    .filter(source -> !Files.exists(Repo.DEPLOY.resolve(source)))
                    .forEach(source -> missing.add(name + ": " + source)));
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void theDemoPollsTheBundledSampleFeedServedOnTheComposeNetwork() {
        Map<String, Map<String, Object>> demo = new ComposeFile(Repo.COMPOSE_DEMO_FILE).services();
        String feeds = Repo.read(hostFile(demo.get("feed-poller"), "POLLER_FEEDS_FILE"));

        assertThat(feeds).contains("url: http://demo-feed/feed.xml");
        assertThat(ComposeFile.volumes(demo.get("demo-feed"))).anyMatch(volume -> volume.startsWith("./local-run/src/main/resources/demo:"));
        assertThat(Repo.DEPLOY.resolve("local-run/src/main/resources/demo/feed.xml")).isRegularFile();
        assertThat(ComposeFile.environment(demo.get("feed-poller")).get("POLLER_FETCH_ALLOWED_NETWORKS"))
                .isEqualTo(ComposeFile.environment(compose.services().get("notifier")).get("NOTIFIER_WEBHOOK_ALLOWED_NETWORKS"));
    }

    @Test
    void theRuleFileAndTheFeedListAreReadFromTheHost() {
        Map<String, Map<String, Object>> services = compose.servicesBuiltHere();

        assertThat(hostFile(services.get("classifier"), "CLASSIFIER_RULES_FILE"))
                .isEqualTo(Repo.ROOT.resolve("classifier/src/main/resources/rules.yaml"));
        assertThat(hostFile(services.get("feed-poller"), "POLLER_FEEDS_FILE"))
                .isEqualTo(Repo.ROOT.resolve("feed-poller/src/main/resources/feeds.yaml"));
    }

    @Test
    void whatMustSurviveDownAndUpLivesInNamedVolumes() {
        Set<String> used = new TreeSet<>();
        compose.services().forEach((name, service) -> ComposeFile.volumes(service).stream()
                .map(volume -> volume.split(":")[0]).filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                .forEach(used::add));

        assertThat(used).as("named volumes the services use").isEqualTo(compose.namedVolumes().keySet());
        Map<String, Map<String, Object>> services = compose.services();
        assertThat(ComposeFile.volumes(services.get("kafka")))
                .contains("kafka-data:" + ComposeFile.environment(services.get("kafka")).get("KAFKA_LOG_DIRS"));
        assertThat(ComposeFile.volumes(services.get("mailpit"))).anyMatch(volume -> volume.startsWith("mailpit-data:"));
        assertThat(ComposeFile.volumes(services.get("webhook-tester"))).anyMatch(volume -> volume.startsWith("webhook-data:"));
    }

    @Test
    void theNotifierMaySendWebhooksIntoTheComposeNetworkOnly() {
        Map<String, String> notifier = ComposeFile.environment(compose.servicesBuiltHere().get("notifier"));
        Object subnet = ComposeFile.map(ComposeFile.map(ComposeFile.map(compose.networks().get("default")).get("ipam")))
                .get("config");

        assertThat(notifier.get("NOTIFIER_WEBHOOK_ALLOWED_NETWORKS")).isNotBlank();
        assertThat(String.valueOf(subnet)).contains(notifier.get("NOTIFIER_WEBHOOK_ALLOWED_NETWORKS"));
        assertThat(notifier.get("NOTIFIER_SUBSCRIPTIONS_HOOK_TARGET")).startsWith("http://webhook-tester:8080/");
        assertThat(notifier.get("QUARKUS_MAILER_HOST")).isEqualTo("mailpit");
    }

    /** The host file a container path set in {@code variable} points at, through the service's bind mounts. */
    private static Path hostFile(Map<String, Object> service, String variable) {
        String containerPath = ComposeFile.environment(service).get(variable);
        assertThat(containerPath).as(variable).isNotNull();
        for (String volume : ComposeFile.volumes(service)) {
            String[] parts = volume.split(":");
            if (parts[0].startsWith(".") && containerPath.startsWith(parts[1] + "/")) {
                Path file = Repo.DEPLOY.resolve(parts[0]).resolve(containerPath.substring(parts[1].length() + 1)).normalize();
                assertThat(file).as(variable + " on the host").isRegularFile();
                return file;
            }
        }
        throw new AssertionError(variable + "=" + containerPath + " lies in no directory mounted from the host");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
