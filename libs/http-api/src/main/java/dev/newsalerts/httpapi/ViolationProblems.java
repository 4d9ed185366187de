package dev.newsalerts.httpapi;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/** Says which fields of a request broke which constraint: {@code minScore: must be less than or equal to 1}. */
public final class ViolationProblems {

    private ViolationProblems() {
    }

    /** Each violation as "field: message", sorted, joined by "; ". */
    public static String detail(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(violation -> field(violation.getPropertyPath()) + ": " + violation.getMessage())
                .sorted().distinct().collect(Collectors.joining("; "));
    }

    /** Whether a violation is of what a method returned: the service's fault, not the caller's. */
    public static boolean ofReturnValue(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(violation -> contains(violation.getPropertyPath(), ElementKind.RETURN_VALUE));
    }

    /**
     * The field path inside the request ({@code rules[2]}, {@code name}); the parameter's name when the
     * parameter itself is at fault (a missing body).
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN -> {
                    if (node.isInIterable()) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null || node.getKey() != null) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                }
                default -> {
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : path.toString();
    }

    private static boolean contains(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }
}
