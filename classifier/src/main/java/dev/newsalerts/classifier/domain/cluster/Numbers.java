package dev.newsalerts.classifier.domain.cluster;

import java.util.regex.Pattern;

/** How a number is written as an anchor: "1,500" is "1500", "2.50" is "2.5", "12%" and "12 percent" are "12". */
final class Numbers {

    private static final Pattern TRAILING_ZEROS = Pattern.compile("0+$");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");

    private Numbers() {
    }

    /** A folded run of digits with separators, as {@link StoryTokens} cuts it. */
    static String normalise(String digits) {
        String plain = digits.replace("，", ",").replace("．", ".");
        int lastDot = plain.lastIndexOf('.');
        int lastComma = plain.lastIndexOf(',');
        // "1,500" and "1,500,000" group thousands; "3,5" (three digits not following) is a decimal comma
        boolean commaIsDecimal = lastComma > lastDot && plain.length() - lastComma - 1 != 3;
        if (commaIsDecimal) {
            plain = plain.replace(".", "").replace(',', '.');
        } else {
            plain = plain.replace(",", "");
        }
        if (plain.chars().filter(c -> c == '.').count() > 1) {
            plain = plain.replace(".", "");
        }
        if (plain.indexOf('.') >= 0) {
            plain = TRAILING_ZEROS.matcher(plain).replaceAll("");
            if (plain.endsWith(".")) {
                plain = plain.substring(0, plain.length() - 1);
            }
        }
        String trimmed = LEADING_ZEROS.matcher(plain).replaceFirst("");
        return trimmed.isEmpty() ? "0" : trimmed;
    }
}
