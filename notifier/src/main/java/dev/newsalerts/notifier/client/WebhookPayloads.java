package dev.newsalerts.notifier.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.notifier.app.FeedbackLinks;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.WebhookFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The body of a webhook delivery in each {@link WebhookFormat}: Standard Webhooks'
 * {@code {type, timestamp, data}} with the alert as the classifier published it (its matches
 * narrowed to those the subscription wants), or the incoming-webhook JSON of Slack, Discord and
 * Microsoft Teams (an Adaptive Card). With feedback links on, a standard body carries them in a
 * {@code feedback} object beside {@code data}, and the chat formats show them as links or buttons
 * (their services take only their own fields).
 */
@ApplicationScoped
public class WebhookPayloads {

    /** The largest body a receiver gets: the story text is cut to fit, its link kept. */
    public static final int MAX_PAYLOAD_BYTES = 20 * 1024;
    private static final List<String> TRIMMED_FIRST = List.of("content", "summary", "title");
    private static final int ELLIPSIS_BYTES = 3;

    private static final int SUMMARY_CHARS = 500;
    private static final String FEEDBACK_QUESTION = "Was this alert useful?";

    private final ObjectMapper mapper;

    public WebhookPayloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param wanted the matches to report
     * @param feedback the delivery's feedback links, null when links are off
     */
    public String payload(WebhookFormat format, PublishedAlert alert, List<Alert.Match> wanted, FeedbackLinks.Pair feedback) {
        return switch (format) {
            case STANDARD -> standard(alert, wanted, feedback);
            case SLACK -> slack(alert.view(), wanted, feedback).toString();
            case DISCORD -> discord(alert.view(), wanted, feedback).toString();
            case TEAMS -> teams(alert.view(), wanted, feedback).toString();
        };
    }

    /**
     * The alert's published JSON, not its reader's view: receivers get every field the classifier
     * wrote. The text is forwarded as it is unless the subscription wants only some of the matches.
     */
    private String standard(PublishedAlert alert, List<Alert.Match> wanted, FeedbackLinks.Pair feedback) {
        StringWriter body = new StringWriter(alert.json().length() + 512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("type", "alert.matched");
            json.writeStringField("timestamp", Instant.now().toString());
            json.writeFieldName("data");
            boolean all = wanted.size() == alert.view().matches().size(); // wanted is taken from the alert's matches
            json.writeRawValue(all ? alert.json() : narrowed(alert.json(), wanted));
            if (feedback != null) {
                json.writeObjectFieldStart("feedback");
                json.writeStringField("relevant", feedback.relevant());
                json.writeStringField("notRelevant", feedback.notRelevant());
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        String text = body.toString();
        if (utf8Length(text) <= MAX_PAYLOAD_BYTES) {
            return text; // nearly every body
        }
        ObjectNode envelope = (ObjectNode) tree(text);
        if (envelope.path("data").path("story") instanceof ObjectNode story) {
            trimToCap(envelope, story);
        }
        return envelope.toString();
    }

    /** The alert's JSON reporting only the wanted matches. */
    private String narrowed(String published, List<Alert.Match> wanted) {
        ObjectNode data = (ObjectNode) tree(published);
        List<String> ruleIds = wanted.stream().map(Alert.Match::ruleId).toList();
        ArrayNode matches = mapper.createArrayNode();
        data.path("matches").forEach(match -> {
            if (ruleIds.contains(match.path("ruleId").asText())) {
                matches.add(match);
            }
        });
        data.set("matches", matches);
        return data.toString();
    }

    /** A JSON text this class wrote, or the alert's, which its reader checked. */
    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON read once already did not read again: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Keeps a payload within {@link #MAX_PAYLOAD_BYTES}: the story's longest texts are cut, the
     * article text first, then the summary, then the title (the link stays), and {@code trimmed}
     * names what was cut. Match offsets past a cut point past the end of its text.
     */
    private static void trimToCap(ObjectNode envelope, ObjectNode story) {
        ArrayNode trimmed = null;
        for (String field : TRIMMED_FIRST) {
            if (utf8Length(envelope.toString()) <= MAX_PAYLOAD_BYTES) {
                return;
            }
            if (story.path(field).isTextual()) {
                trimmed = trimmed != null ? trimmed : envelope.putArray("trimmed");
                trimmed.add(field); // before measuring: saying so takes bytes too
                int excess = utf8Length(envelope.toString()) - MAX_PAYLOAD_BYTES;
                String text = story.path(field).asText();
                story.put(field, cutToBytes(text, Math.max(0, utf8Length(text) - excess - ELLIPSIS_BYTES)));
            }
        }
    }

    private static String cutToBytes(String text, int bytes) {
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            used += utf8Length(new String(Character.toChars(codePoint)));
            if (used > bytes) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + "…";
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private ObjectNode slack(Alert alert, List<Alert.Match> wanted, FeedbackLinks.Pair feedback) {
        String text = "*<" + slackEscape(alert.story().link()) + "|" + slackEscape(alert.story().title()) + ">*\n"
                + slackEscape(why(wanted));
        if (feedback != null) {
            text += "\n" + FEEDBACK_QUESTION + " <" + slackEscape(feedback.relevant()) + "|Relevant> · <"
                    + slackEscape(feedback.notRelevant()) + "|Not relevant>";
        }
        return mapper.createObjectNode().put("text", text);
    }

    private ObjectNode discord(Alert alert, List<Alert.Match> wanted, FeedbackLinks.Pair feedback) {
        ObjectNode body = mapper.createObjectNode().put("content", cut("News alert: " + alert.story().title(), 2000));
        body.putObject("allowed_mentions").putArray("parse"); // a story titled "@everyone" pings nobody
        ObjectNode embed = body.putArray("embeds").addObject()
                .put("title", cut(alert.story().title(), 256))
                .put("url", alert.story().link())
                .put("description", cut(summary(alert), 4096));
        ArrayNode fields = embed.putArray("fields");
        for (Alert.Match match : wanted) {
            fields.addObject().put("name", cut(match.ruleTitle(), 256)).put("value", cut(terms(match), 1024));
        }
        if (feedback != null) {
            fields.addObject().put("name", FEEDBACK_QUESTION).put("value", cut("[Relevant](" + feedback.relevant()
                    + ") · [Not relevant](" + feedback.notRelevant() + ")", 1024));
        }
        return body;
    }

    private ObjectNode teams(Alert alert, List<Alert.Match> wanted, FeedbackLinks.Pair feedback) {
        ObjectNode body = mapper.createObjectNode().put("type", "message");
        ObjectNode card = body.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
        ArrayNode blocks = card.putArray("body");
        blocks.addObject().put("type", "TextBlock").put("text", alert.story().title()).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true);
        blocks.addObject().put("type", "TextBlock").put("text", summary(alert)).put("wrap", true);
        ArrayNode facts = blocks.addObject().put("type", "FactSet").putArray("facts");
        for (Alert.Match match : wanted) {
            facts.addObject().put("title", match.ruleTitle()).put("value", terms(match));
        }
        ArrayNode actions = card.putArray("actions");
        actions.addObject().put("type", "Action.OpenUrl").put("title", "Read the story").put("url", alert.story().link());
        if (feedback != null) {
            actions.addObject().put("type", "Action.OpenUrl").put("title", "Relevant").put("url", feedback.relevant());
            actions.addObject().put("type", "Action.OpenUrl").put("title", "Not relevant").put("url", feedback.notRelevant());
        }
        return body;
    }

    private static String why(List<Alert.Match> wanted) {
        return wanted.stream().map(match -> match.ruleTitle() + ": " + terms(match)).collect(Collectors.joining("\n"));
    }

    private static String terms(Alert.Match match) {
        return match.terms() == null ? "" : match.terms().stream()
                .map(term -> term.term() + " (" + term.field() + ")").distinct().collect(Collectors.joining(", "));
    }

    private static String summary(Alert alert) {
        String summary = alert.story().summary() == null ? "" : alert.story().summary();
        return cut(summary, SUMMARY_CHARS);
    }

    private static String cut(String text, int chars) {
        if (text == null) {
            return "";
        }
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }

    /** Slack's mrkdwn: &, < and > must be escaped, or a story title could forge links and mentions. */
    private static String slackEscape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
