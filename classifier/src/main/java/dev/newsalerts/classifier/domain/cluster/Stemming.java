package dev.newsalerts.classifier.domain.cluster;

/**
 * A light English stemmer for shingles only (never shown to anyone): it strips the common inflections
 * so that "prices", "price", "priced" and "pricing" give one stem; it need not give real words.
 */
final class Stemming {

    private Stemming() {
    }

    static String stem(String word) {
        String w = word;
        int n = w.length();
        if (n > 5 && w.endsWith("ing")) {
            w = w.substring(0, n - 3);
        } else if (n > 4 && (w.endsWith("ied") || w.endsWith("ies"))) {
            w = w.substring(0, n - 3) + "y";
        } else if (n > 4 && w.endsWith("ed")) {
            w = w.substring(0, n - 2);
        } else if (n > 4 && w.endsWith("es")) {
            w = w.substring(0, n - 2);
        } else if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, n - 1);
        }
        n = w.length();
        if (n > 3 && w.endsWith("e")) {
            w = w.substring(0, n - 1);
            n--;
        }
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && !isVowel(w.charAt(n - 1)) && w.charAt(n - 1) != 's'
                && w.charAt(n - 1) != 'l') {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
