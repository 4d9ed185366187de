package dev.newsalerts.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard and the Prometheus scrape configuration name metrics and services that exist. */
class DashboardTest {

    private static final Path DASHBOARD = Repo.DEPLOY.resolve("grafana/dashboards/news-alerts.json");
    private static final Path PROMETHEUS = Repo.DEPLOY.resolve("prometheus/prometheus.yml");
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final Pattern JOB = Pattern.compile("job=\"([^\"]+)\"");
    /** Metrics of the libraries the services use (Micrometer's JVM, HTTP and Kafka client binders), and Prometheus's own. */
    private static final List<String> LIBRARY_PREFIXES = List.of("kafka_", "http_server_", "jvm_", "process_", "system_");
    /** The prefix of each service's own metrics. */
    private static final Map<String, String> OWN_PREFIXES = Map.of("poller_", "feed-poller", "classifier_", "classifier",
            "notifier_", "notifier");

    private final JsonNode dashboard = readJson(DASHBOARD);

    @Test
    void everyMetricOfAServiceOnTheDashboardIsOneItsSourcesRegister() {
        Set<String> metrics = matches(METRIC, expressions());
        assertThat(metrics).as("metrics on the dashboard").isNotEmpty();
        List<String> unknown = new ArrayList<>();
        for (String metric : metrics) {
            String service = OWN_PREFIXES.entrySet().stream().filter(own -> metric.startsWith(own.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (service == null) {
                if (!metric.equals("up") && LIBRARY_PREFIXES.stream().noneMatch(metric::startsWith)) {
                    unknown.add(metric + ": neither a service's metric nor a known library's");
                }
            } else if (!sources(service).contains("\"" + micrometerName(metric) + "\"")) {
                unknown.add(metric + ": " + service + " registers no meter named \"" + micrometerName(metric) + "\"");
            }
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void everyJobTheDashboardNamesIsScrapedAndEveryScrapedServiceExposesMetrics() {
        Map<String, String> jobs = scrapeJobs();
        Map<String, Map<String, Object>> compose = new ComposeFile().servicesBuiltHere();

        assertThat(jobs.keySet()).containsAll(matches(JOB, expressions()));
        jobs.forEach((job, target) -> {
            String host = target.substring(0, target.indexOf(':'));
            assertThat(compose).as("scrape target " + target).containsKey(host);
            Object port = ComposeFile.map(ComposeFile.map(compose.get(host).get("build")).get("args")).get("HTTP_PORT");
            assertThat(target).isEqualTo(host + ":" + port);
            assertThat(Repo.ROOT.resolve(host).resolve("target/quarkus-app/lib/main")
                    .resolve("io.quarkus.quarkus-micrometer-registry-prometheus-" + quarkusVersion() + ".jar"))
                    .as(host + " has the Prometheus registry, so it answers /q/metrics").isRegularFile();
        });
    }

    @Test
    void theDashboardUsesTheProvisionedDataSourceAndGrafanaFindsIt() {
        Map<String, Object> datasources = Repo.yaml(Repo.DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        Set<String> uids = new TreeSet<>();
        dashboard.findValues("datasource").forEach(node -> uids.add(node.path("uid").asText()));

        assertThat(uids).containsExactly(String.valueOf(datasource.get("uid")));
        assertThat(String.valueOf(datasource.get("url"))).isEqualTo("http://prometheus:9090");
        Map<String, Object> provider = Repo.yaml(Repo.DEPLOY.resolve("grafana/provisioning/dashboards/news-alerts.yaml"));
        assertThat(String.valueOf(provider)).contains("path=/etc/grafana/dashboards");
        assertThat(ComposeFile.volumes(new ComposeFile().services().get("grafana")))
                .contains("./grafana/dashboards:/etc/grafana/dashboards:ro", "./grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    /** {@code classifier_classification_seconds_count} → {@code classifier.classification}, as Micrometer names it in code. */
    static String micrometerName(String prometheusName) {
        return prometheusName.replaceAll("(_seconds)?_(count|sum|max|bucket)$", "").replaceAll("_seconds$", "")
                .replaceAll("_total$", "").replace('_', '.');
    }

    private List<String> expressions() {
        return dashboard.findValues("expr").stream().map(JsonNode::asText).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> scrapeJobs() {
        Map<String, String> jobs = new java.util.LinkedHashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) Repo.yaml(PROMETHEUS).get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
            List<Map<String, Object>> configs = (List<Map<String, Object>>) job.get("static_configs");
            jobs.put(String.valueOf(job.get("job_name")), String.valueOf(((List<Object>) configs.get(0).get("targets")).get(0)));
        }
        return jobs;
    }

    private static String quarkusVersion() {
        Matcher version = Pattern.compile("<quarkus.platform.version>([^<]+)<").matcher(Repo.read(Repo.ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static Set<String> matches(Pattern pattern, List<String> texts) {
        Set<String> found = new TreeSet<>();
        texts.forEach(text -> {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        });
        return found;
    }

    private static String sources(String module) {
        try (Stream<Path> files = Files.walk(Repo.ROOT.resolve(module).resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Repo::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
