package dev.newsalerts.deploycheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** deploy/docker-compose.yml as data: its services, their environment, build and volumes. */
final class ComposeFile {

    private final Map<String, Object> file;

    ComposeFile() {
        this(Repo.COMPOSE_FILE);
    }

    ComposeFile(java.nio.file.Path path) {
        this.file = Repo.yaml(path);
    }

    /** Every service, by name. */
    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(file.get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    /** The services built from this repository's Dockerfile, by the module they build (build argument SERVICE). */
    Map<String, Map<String, Object>> servicesBuiltHere() {
        Map<String, Map<String, Object>> built = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            Map<String, Object> build = map(service.get("build"));
            Object module = map(build.get("args")).get("SERVICE");
            if (module != null) {
                built.put(String.valueOf(module), service);
            }
        });
        return built;
    }

    /** A service's environment, whether written as a map or as a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }

    /** Top-level named volumes. */
    Map<String, Object> namedVolumes() {
        return map(file.get("volumes"));
    }

    Map<String, Object> networks() {
        return map(file.get("networks"));
    }

    /** A service's volumes in short syntax (source:target[:mode]). */
    static List<String> volumes(Map<String, Object> service) {
        Object volumes = service.get("volumes");
        return volumes instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, entry) -> result.put(String.valueOf(key), entry));
            return result;
        }
        return Map.of();
    }
}
