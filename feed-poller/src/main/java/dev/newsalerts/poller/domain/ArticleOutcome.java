package dev.newsalerts.poller.domain;

/**
 * What became of one story's article page.
 *
 * @param url the page
 * @param problem why its text could not be read, in words a feed owner understands; null when it was read
 * @param reason the kind of problem, one word for metrics ({@code timeout}, {@code not_html}, {@code no_text}, ...); null when read
 */
public record ArticleOutcome(String url, String problem, String reason) {

    public static ArticleOutcome read(String url) {
        return new ArticleOutcome(url, null, null);
    }

    public static ArticleOutcome failed(String url, String reason, String problem) {
        return new ArticleOutcome(url, problem, reason);
    }

    public boolean wasRead() {
        return problem == null;
    }
}
