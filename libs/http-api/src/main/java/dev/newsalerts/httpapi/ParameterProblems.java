package dev.newsalerts.httpapi;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;

/**
 * Says which query or path parameter a resource method could not take. Jakarta REST turns such a failure
 * into a bare 404 ({@code ?limit=abc}) whose cause names the value but not the parameter: this finds the
 * parameter whose value does not read as its type.
 */
public final class ParameterProblems {

    private ParameterProblems() {
    }

    public static String detail(Method method, MultivaluedMap<String, String> query, MultivaluedMap<String, String> path,
            Throwable cause) {
        for (Parameter parameter : method.getParameters()) {
            QueryParam queryParam = parameter.getAnnotation(QueryParam.class);
            PathParam pathParam = parameter.getAnnotation(PathParam.class);
            String kind = queryParam != null ? "query parameter " : pathParam != null ? "path parameter " : null;
            String name = queryParam != null ? queryParam.value() : pathParam != null ? pathParam.value() : null;
            String value = name == null ? null : (queryParam != null ? query : path).getFirst(name);
            if (value != null && !readable(parameter.getType(), value)) {
                return kind + name + ": expected " + expected(parameter.getType()) + ", not \"" + value + "\"";
            }
        }
        return "a query or path parameter could not be read: " + cause.getMessage();
    }

    private static boolean readable(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                Double.parseDouble(value);
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(constant -> ((Enum<?>) constant).name().equals(value));
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return type == double.class || type == Double.class || type == float.class || type == Float.class
                ? "a number" : "a whole number";
    }
}
