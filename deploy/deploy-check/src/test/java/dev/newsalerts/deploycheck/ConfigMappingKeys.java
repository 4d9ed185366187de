package dev.newsalerts.deploycheck;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of a {@code @ConfigMapping} interface, read by reflection the way SmallRye Config names
 * them: the prefix, then each method's name in kebab case ({@code maxStoryBytes} →
 * {@code max-story-bytes}) unless {@code @WithName} renames it or {@code @WithParentName} drops it,
 * nested interfaces as groups, a {@code Map}'s key as any segment, a list of groups indexed.
 * The annotations are matched by name: they come from the service's class loader, not this one.
 */
final class ConfigMappingKeys {

    private static final String WITH_NAME = "io.smallrye.config.WithName";
    private static final String WITH_PARENT_NAME = "io.smallrye.config.WithParentName";
    static final String CONFIG_MAPPING = "io.smallrye.config.ConfigMapping";

    private ConfigMappingKeys() {
    }

    /** Key templates (see {@link EnvNames#pattern}) of a mapping interface annotated {@code @ConfigMapping}. */
    static List<String> of(Class<?> mapping) {
        Annotation configMapping = annotation(mapping, CONFIG_MAPPING)
                .orElseThrow(() -> new IllegalArgumentException(mapping + " is not annotated @ConfigMapping"));
        String prefix = (String) value(configMapping, "prefix");
        String naming = String.valueOf(value(configMapping, "namingStrategy"));
        List<String> keys = new ArrayList<>();
        group(mapping, prefix, naming, keys, 0);
        return keys;
    }

    private static void group(Class<?> type, String path, String naming, List<String> keys, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("config groups nested too deep at " + path);
        }
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = annotation(method, WITH_PARENT_NAME).isPresent() ? null
                    : annotation(method, WITH_NAME).map(a -> (String) value(a, "value")).orElseGet(() -> name(method.getName(), naming));
            String child = name == null ? path : path.isEmpty() ? name : path + "." + name;
            value(method.getGenericReturnType(), child, naming, keys, depth);
        }
    }

    private static void value(Type type, String path, String naming, List<String> keys, int depth) {
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            value(argument(type, 0), path, naming, keys, depth);
        } else if (Map.class.isAssignableFrom(raw)) {
            value(argument(type, 1), path + "." + EnvNames.ANY_SEGMENT, naming, keys, depth);
        } else if ((raw == List.class || raw == Set.class || raw == Collection.class) && isGroup(raw(argument(type, 0)))) {
            group(raw(argument(type, 0)), path + "." + EnvNames.ANY_SEGMENT, naming, keys, depth + 1);
        } else if (isGroup(raw)) {
            group(raw, path, naming, keys, depth + 1);
        } else {
            keys.add(path);
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** SmallRye's naming strategies; kebab case is the default. */
    static String name(String method, String naming) {
        return switch (naming) {
            case "VERBATIM" -> method;
            case "SNAKE_CASE" -> separated(method, '_');
            default -> separated(method, '-');
        };
    }

    private static String separated(String method, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append(separator);
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Optional<Annotation> annotation(java.lang.reflect.AnnotatedElement element, String name) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(name)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    private static Object value(Annotation annotation, String attribute) {
        try {
            return annotation.annotationType().getMethod(attribute).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + attribute + " of " + annotation, e);
        }
    }
}
