package dev.newsalerts.classifier.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsalerts.classifier.app.Rules;
import dev.newsalerts.classifier.domain.RuleMatch;
import dev.newsalerts.classifier.domain.RuleSet;
import dev.newsalerts.plaintext.PlainText;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Dry run: which rules a title, summary and optional content (a {@code fullText} story's article)
 * would fire. They are made plain text first as feed-poller makes them ({@link PlainText}: HTML
 * removed, entities decoded, paragraphs and line breaks kept); the answer gives that plain text,
 * which the match offsets refer to. Title and summary together may have {@value #MAX_CHARS}
 * characters, the content as many of its own. Publishes nothing and needs no broker.
 */
@Path("/classify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private static final int MAX_CHARS = 100_000;

    /** @param content optional: the article text, which only the rules that name {@code content} look at */
    public record ClassifyRequest(String title, String summary, String content) {
    }

    /** @param content the content as plain text, absent when the request gave none */
    public record ClassifyResponse(String rulesVersion, List<RuleMatch> matches, String title, String summary,
            @JsonInclude(JsonInclude.Include.NON_NULL) String content) {
    }

    private final Rules rules;

    public ClassifyResource(Rules rules) {
        this.rules = rules;
    }

    @POST
    public ClassifyResponse classify(ClassifyRequest request) {
        if (request == null || request.title() == null && request.summary() == null) {
            throw new BadRequestException("give a title, a summary or both");
        }
        if (length(request.title()) + length(request.summary()) > MAX_CHARS) {
            throw new BadRequestException("title and summary together may have at most " + MAX_CHARS + " characters");
        }
        if (length(request.content()) > MAX_CHARS) {
            throw new BadRequestException("content may have at most " + MAX_CHARS + " characters");
        }
        RuleSet ruleSet = rules.current();
        String title = request.title() == null ? "" : PlainText.line(request.title(), MAX_CHARS);
        String summary = request.summary() == null ? "" : PlainText.of(request.summary());
        String content = request.content() == null ? null : PlainText.of(request.content());
        return new ClassifyResponse(ruleSet.version(), ruleSet.classify(title, summary, content), title, summary, content);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
