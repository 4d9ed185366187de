package dev.newsalerts.notifier.rest;

import dev.newsalerts.httpapi.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The small HTML pages of feedback links (Qute templates in {@code templates/FeedbackPages/}, every
 * value escaped), answered to browsers; programs get 204 or JSON. No script, no outside resource.
 */
final class FeedbackPages {

    /** Nothing on these pages may run or load, and the link (its signature) goes to no other site. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff",
            "Cache-Control", "no-store");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(String verdict, String title);

        static native TemplateInstance recorded(String verdict, String title);

        static native TemplateInstance refused(int status, String reason, String message);
    }

    private FeedbackPages() {
    }

    /** Whether the caller asked for HTML by name (a browser), not only for anything. */
    static boolean wantsHtml(List<MediaType> acceptable) {
        return acceptable.stream().anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    static boolean wantsHtml(HttpHeaders headers) {
        return headers != null && wantsHtml(headers.getAcceptableMediaTypes());
    }

    static Response page(Response.Status status, TemplateInstance page) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(page.render());
        HEADERS.forEach(response::header);
        return response.build();
    }

    /** An error as a page for a browser, as a problem document otherwise. */
    static Response error(Response.Status status, String message, HttpHeaders headers) {
        if (wantsHtml(headers)) {
            return page(status, Templates.refused(status.getStatusCode(), status.getReasonPhrase(), message));
        }
        return Problem.of(status, message).response();
    }
}
