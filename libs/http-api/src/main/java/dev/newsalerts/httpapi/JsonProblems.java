package dev.newsalerts.httpapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says what is wrong with a request body Jackson could not read: where (the field path) and what was expected. */
public final class JsonProblems {

    private static final String BODY = "the request body";
    /** How Jackson names the token it found instead, e.g. "from Array value (token `JsonToken.START_ARRAY`)". */
    private static final Pattern FOUND = Pattern.compile("from (Array|Object|String|Integer|Floating-point|Boolean|Null)\\b");
    private static final Pattern ACCEPTED = Pattern.compile("not one of the values accepted for Enum class: (\\[[^]]*])");

    private JsonProblems() {
    }

    public static String detail(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return tooLarge((StreamConstraintsException) e);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + ": " + firstLine(mapping.getOriginalMessage());
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return BODY + " is not valid JSON: " + firstLine(e.getOriginalMessage()) + where;
    }

    private static String tooLarge(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return BODY + " has JSON nested deeper than " + JsonLimits.MAX_NESTING_DEPTH + " levels";
        }
        int source = message.indexOf(" (from `");
        return BODY + " is larger than this service reads: " + (source < 0 ? message : message.substring(0, source));
    }

    private static String mismatched(MismatchedInputException e) {
        String found = found(e);
        return path(e) + ": expected " + expected(e) + (found == null ? "" : ", not " + found);
    }

    private static String expected(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            Matcher accepted = ACCEPTED.matcher(e.getOriginalMessage());
            return "one of " + (accepted.find() ? accepted.group(1) : List.of(type.getEnumConstants()));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getPackageName().startsWith("java.time")) {
            return "a date or time in ISO-8601";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a " + type.getSimpleName();
    }

    private static String found(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return invalid.getValue() instanceof String ? "\"" + invalid.getValue() + "\"" : String.valueOf(invalid.getValue());
        }
        Matcher found = FOUND.matcher(e.getOriginalMessage());
        if (!found.find()) {
            return null;
        }
        return switch (found.group(1)) {
            case "Array" -> "an array";
            case "Object" -> "an object";
            case "String" -> "a string";
            case "Integer", "Floating-point" -> "a number";
            case "Boolean" -> "true or false";
            default -> "null";
        };
    }

    /** The field path such as {@code rules[2]} or {@code story.title}; "the request body" at the top. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
