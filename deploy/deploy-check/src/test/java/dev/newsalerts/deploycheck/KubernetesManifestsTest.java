package dev.newsalerts.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** deploy/k8s: what kustomize builds from it, checked against the services without a cluster. */
class KubernetesManifestsTest {

    private static final Path K8S = Repo.DEPLOY.resolve("k8s");
    private static final Map<String, Integer> PORTS = Map.of("feed-poller", 8081, "classifier", 8082, "notifier", 8083);

    private final List<Map<String, Object>> resources = resources();

    @Test
    void everyManifestIsListedInTheKustomizationAndEveryResourceIsNamed() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(K8S)) {
            list.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml"))
                    .filter(name -> !name.equals("kustomization.yaml")).forEach(files::add);
        }

        assertThat(new TreeSet<>(strings(kustomization().get("resources")))).isEqualTo(files);
        assertThat(resources).allSatisfy(resource -> {
            assertThat(resource).containsKeys("apiVersion", "kind");
            assertThat(map(resource.get("metadata")).get("name")).as(String.valueOf(resource)).isNotNull();
        });
    }

    @Test
    void kubectlBuildsTheKustomization() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl"))), "kubectl is not installed; the YAML checks still ran");
        Process process = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", K8S.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("kubectl kustomize said:%n%s", output).isZero();
        assertThat(output).contains("kind: Deployment", "name: classifier-rules");
    }

    @Test
    void eachServiceRunsAsADeploymentWithProbesResourcesAndAServiceInFrontOfIt() {
        Map<String, Map<String, Object>> containers = containers();

        assertThat(containers).containsOnlyKeys(Repo.SERVICES);
        containers.forEach((name, container) -> {
            int port = PORTS.get(name);
            assertThat(String.valueOf(list(container.get("ports")).get(0))).as(name).contains("containerPort=" + port);
            assertThat(path(container, "livenessProbe")).as(name).isEqualTo("/q/health/live");
            assertThat(path(container, "readinessProbe")).as(name).isEqualTo("/q/health/ready");
            assertThat(path(container, "startupProbe")).as(name).isEqualTo("/q/health/started");
            Map<String, Object> resources = map(container.get("resources"));
            assertThat(map(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
            assertThat(map(resources.get("limits"))).as(name).containsKey("memory");
            Map<String, Object> service = resource("Service", name);
            assertThat(map(map(service.get("spec")).get("selector"))).isEqualTo(podLabels(name));
            assertThat(String.valueOf(map(service.get("spec")).get("ports"))).contains("port=" + port, "targetPort=http");
        });
        assertThat(resources).filteredOn(resource -> resource.get("kind").equals("Deployment")).allSatisfy(deployment ->
                assertThat(map(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("securityContext")))
                        .containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001));
    }

    @Test
    void replicasStayWithinWhatEachServiceCanShare() {
        int partitions = Integer.parseInt(map(resource("ConfigMap", "news-alerts-config").get("data")).get("TOPICS_PARTITIONS").toString());

        assertThat(replicas("feed-poller")).as("instances beyond the partitions of news.feed-state idle").isBetween(1, partitions);
        assertThat(replicas("classifier")).as("instances beyond the partitions of news.stories idle").isBetween(1, partitions);
        assertThat(replicas("notifier")).as("instances beyond the partitions of news.alerts idle").isBetween(1, partitions);
    }

    @Test
    void everyVariableAContainerGetsIsAConfigurationKeyOfItsService() {
        Set<String> readByTheImage = Repo.variablesTheImageReads();
        List<String> problems = new ArrayList<>();
        containers().forEach((name, container) -> {
            Set<String> variables = new TreeSet<>();
            list(container.get("env")).forEach(env -> variables.add(String.valueOf(map(env).get("name"))));
            list(container.get("envFrom")).forEach(from -> {
                String configMap = String.valueOf(map(map(from).get("configMapRef")).get("name"));
                variables.addAll(map(resource("ConfigMap", configMap).get("data")).keySet());
            });
            assertThat(variables).as(name).isNotEmpty();
            ServiceConfigKeys keys = Repo.keys(name);
            variables.stream().filter(variable -> !readByTheImage.contains(variable))
                    .forEach(variable -> keys.problemWith(variable).ifPresent(problems::add));
        });

        assertThat(problems).as("variables in deploy/k8s that set nothing").isEmpty();
    }

    @Test
    void theClassifierReadsTheRuleFileFromTheConfigMapMountedAsADirectory() {
        Map<String, Object> classifier = containers().get("classifier");
        String rulesFile = list(classifier.get("env")).stream().map(KubernetesManifestsTest::map)
                .filter(env -> "CLASSIFIER_RULES_FILE".equals(env.get("name"))).map(env -> String.valueOf(env.get("value")))
                .findFirst().orElseThrow();
        Map<String, Object> mount = list(classifier.get("volumeMounts")).stream().map(KubernetesManifestsTest::map)
                .filter(m -> rulesFile.startsWith(m.get("mountPath") + "/")).findFirst().orElseThrow();
        Map<String, Object> podSpec = map(map(map(resource("Deployment", "classifier").get("spec")).get("template")).get("spec"));
        Map<String, Object> volume = list(podSpec.get("volumes")).stream().map(KubernetesManifestsTest::map)
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        Map<String, Object> generator = map(list(kustomization().get("configMapGenerator")).get(0));
        String fileName = rulesFile.substring(rulesFile.lastIndexOf('/') + 1);
        String source = strings(generator.get("files")).stream().filter(file -> file.startsWith(fileName + "="))
                .map(file -> file.substring(fileName.length() + 1)).findFirst().orElseThrow();

        assertThat(mount).as("a subPath mount would never see an updated ConfigMap").doesNotContainKey("subPath");
        assertThat(map(volume.get("configMap")).get("name")).isEqualTo(generator.get("name"));
        assertThat(K8S.resolve(source).normalize()).isEqualTo(Repo.ROOT.resolve("classifier/src/main/resources/rules.yaml"));
    }

    @Test
    void theSecretsTheContainersNeedAreTheOnesTheReadmeCreates() {
        String readme = Repo.read(K8S.resolve("README.md"));
        Set<String> references = new TreeSet<>();
        containers().values().forEach(container -> list(container.get("env")).stream().map(KubernetesManifestsTest::map)
                .map(env -> map(map(env.get("valueFrom")).get("secretKeyRef"))).filter(ref -> !ref.isEmpty())
                .forEach(ref -> references.add(ref.get("name") + " " + ref.get("key"))));

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            String[] nameAndKey = reference.split(" ");
            assertThat(readme).contains("create secret generic " + nameAndKey[0]).contains("--from-literal=" + nameAndKey[1] + "=");
        });
    }

    private Map<String, Map<String, Object>> containers() {
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        resources.stream().filter(resource -> resource.get("kind").equals("Deployment")).forEach(deployment -> {
            Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));
            list(podSpec.get("containers")).forEach(container -> containers.put(String.valueOf(map(container).get("name")), map(container)));
        });
        return containers;
    }

    private int replicas(String deployment) {
        return (Integer) map(resource("Deployment", deployment).get("spec")).get("replicas");
    }

    private Map<String, Object> podLabels(String deployment) {
        return map(map(map(map(resource("Deployment", deployment).get("spec")).get("template")).get("metadata")).get("labels"));
    }

    private Map<String, Object> resource(String kind, String name) {
        return resources.stream().filter(resource -> resource.get("kind").equals(kind))
                .filter(resource -> name.equals(map(resource.get("metadata")).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static String path(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container.get(probe)).get("httpGet")).get("path"));
    }

    private static Map<String, Object> kustomization() {
        return Repo.yaml(K8S.resolve("kustomization.yaml"));
    }

    private static List<Map<String, Object>> resources() {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String file : strings(kustomization().get("resources"))) {
            Repo.yamlDocuments(K8S.resolve(file)).forEach(document -> resources.add(map(document)));
        }
        return resources;
    }

    private static Map<String, Object> map(Object value) {
        return ComposeFile.map(value);
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
