package dev.newsalerts.deploycheck;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The environment variable form of configuration keys, as SmallRye Config (and so Quarkus) reads
 * it: upper case, every character that is not a letter or a digit replaced by {@code _}.
 */
final class EnvNames {

    /** Stands for a segment of a key that may be anything: a map key, a list index. */
    static final String ANY_SEGMENT = "\u0000";

    private EnvNames() {
    }

    /** {@code classifier.rules-file} → {@code CLASSIFIER_RULES_FILE}. */
    static String of(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * The variables that set a key template: {@link #ANY_SEGMENT} matches any map key, quoted or
     * not ({@code NOTIFIER_SUBSCRIPTIONS_INBOX_TARGET}, {@code QUARKUS_LOG_CATEGORY__ORG_APACHE__LEVEL}).
     */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        String[] literals = template.split(ANY_SEGMENT, -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append("[A-Z0-9_]+");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(of(literals[i])));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * A key as Quarkus documents it, map keys in quotes ({@code quarkus.log.category."categories".level})
     * and list indexes as {@code [*]}, turned into a template.
     */
    static String templateOfDocumented(String property) {
        return property.replaceAll("\"[^\"]*\"", ANY_SEGMENT).replace("[*]", "." + ANY_SEGMENT).replace("*", ANY_SEGMENT);
    }
}
