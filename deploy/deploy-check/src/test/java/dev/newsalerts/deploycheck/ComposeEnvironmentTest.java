package dev.newsalerts.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every environment variable deploy/docker-compose.yml gives a service sets a configuration key of it. */
class ComposeEnvironmentTest {

    private final ComposeFile compose = new ComposeFile();

    @Test
    void theComposeFileBuildsEachServiceFromTheSharedDockerfile() {
        Map<String, Map<String, Object>> built = compose.servicesBuiltHere();

        assertThat(built).containsOnlyKeys(Repo.SERVICES);
        built.forEach((module, service) -> {
            Map<String, Object> build = ComposeFile.map(service.get("build"));
            assertThat(Repo.DEPLOY.resolve(String.valueOf(build.get("context"))).normalize()).as(module).isEqualTo(Repo.ROOT);
            assertThat(Repo.ROOT.resolve(String.valueOf(build.get("dockerfile")))).as(module).isEqualTo(Repo.DOCKERFILE);
        });
    }

    @Test
    void everyVariableTheComposeFileSetsIsAConfigurationKeyOfItsService() {
        Set<String> readByTheImage = Repo.variablesTheImageReads();
        List<String> problems = new ArrayList<>();
        compose.servicesBuiltHere().forEach((module, service) -> {
            Map<String, String> environment = ComposeFile.environment(service);
            assertThat(environment).as("environment of " + module).isNotEmpty();
            ServiceConfigKeys keys = Repo.keys(module);
            environment.keySet().stream().filter(variable -> !readByTheImage.contains(variable))
                    .forEach(variable -> keys.problemWith(variable).ifPresent(problems::add));
        });

        assertThat(problems).as("variables in " + Repo.COMPOSE_FILE + " that set nothing").isEmpty();
    }

    @Test
    void everyVariableTheDemoSetsIsAConfigurationKeyOfItsService() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = new ComposeFile(Repo.COMPOSE_DEMO_FILE).services();
        services.keySet().stream().filter(Repo.SERVICES::contains).forEach(module -> ComposeFile.environment(services.get(module))
                .keySet().forEach(variable -> Repo.keys(module).problemWith(variable).ifPresent(problems::add)));

        assertThat(services).containsKey("feed-poller");
        assertThat(problems).as("variables in " + Repo.COMPOSE_DEMO_FILE + " that set nothing").isEmpty();
    }
}
