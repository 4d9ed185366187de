package dev.newsalerts.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.app.FeedbackLinks;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.WebhookFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every webhook format carries the delivery's feedback links where its receiver shows or reads them, and keeps its fields. */
class WebhookPayloadsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final FeedbackLinks.Pair LINKS = new FeedbackLinks.Pair(
            "https://alerts.example.com/feedback/a?verdict=relevant&sub=s&ref=0-1&sig=x",
            "https://alerts.example.com/feedback/a?verdict=not-relevant&sub=s&ref=0-1&sig=y");

    private final WebhookPayloads payloads = new WebhookPayloads(MAPPER);
    private final PublishedAlert alert = published();

    @Test
    void aStandardBodyCarriesTheLinksInAFeedbackObjectBesideTheAlertAsPublished() throws Exception {
        JsonNode body = MAPPER.readTree(payloads.payload(WebhookFormat.STANDARD, alert, alert.view().matches(), LINKS));

        assertThat(body.path("type").asText()).isEqualTo("alert.matched");
        assertThat(body.path("timestamp").asText()).isNotBlank();
        assertThat(body.path("data")).isEqualTo(MAPPER.readTree(alert.json()));
        assertThat(body.at("/feedback/relevant").asText()).isEqualTo(LINKS.relevant());
        assertThat(body.at("/feedback/notRelevant").asText()).isEqualTo(LINKS.notRelevant());
    }

    @Test
    void aStandardBodyForwardsTheAlertAsPublishedOrWithOnlyTheMatchesTheSubscriptionWants() throws Exception {
        ObjectNode json = TestAlerts.alert("Microsoft weighs legal action");
        ObjectNode second = ((ObjectNode) json.withArray("matches").get(0)).deepCopy().put("ruleId", "cloud-price-changes");
        json.withArray("matches").add(second);
        // a field the notifier does not read, written as Jackson would not write it
        String published = json.toString().replaceFirst("}$", ",\"fieldTheNotifierDoesNotRead\":1.50}");
        PublishedAlert twoMatches = new PublishedAlert(MAPPER.treeToValue(json, Alert.class), published, new AlertPosition(0, 1));
        Alert.Match price = twoMatches.view().matches().get(1);

        String all = payloads.payload(WebhookFormat.STANDARD, twoMatches, twoMatches.view().matches(), null);
        JsonNode one = MAPPER.readTree(payloads.payload(WebhookFormat.STANDARD, twoMatches, List.of(price), null)).path("data");

        assertThat(all).as("the text as published").contains("\"data\":" + published);
        assertThat(one.path("matches").findValuesAsText("ruleId")).containsExactly("cloud-price-changes");
        ObjectNode expected = (ObjectNode) MAPPER.readTree(published);
        expected.set("matches", MAPPER.createArrayNode().add(second));
        assertThat(one).as("everything else as published").isEqualTo(expected);
    }

    @Test
    void slackShowsTheLinksInItsText() throws Exception {
        JsonNode body = MAPPER.readTree(payloads.payload(WebhookFormat.SLACK, alert, alert.view().matches(), LINKS));

        assertThat(body.path("text").asText()).contains("|Relevant>", "|Not relevant>",
                LINKS.relevant().replace("&", "&amp;"), LINKS.notRelevant().replace("&", "&amp;"));
    }

    @Test
    void discordShowsTheLinksInAFieldOfItsEmbed() throws Exception {
        JsonNode body = MAPPER.readTree(payloads.payload(WebhookFormat.DISCORD, alert, alert.view().matches(), LINKS));

        assertThat(body.at("/embeds/0/fields").findValuesAsText("value"))
                .contains("[Relevant](" + LINKS.relevant() + ") · [Not relevant](" + LINKS.notRelevant() + ")");
        assertThat(body.path("content").asText()).startsWith("News alert: ");
    }

    @Test
    void teamsShowsTheLinksAsButtonsOfItsCard() throws Exception {
        JsonNode body = MAPPER.readTree(payloads.payload(WebhookFormat.TEAMS, alert, alert.view().matches(), LINKS));

        JsonNode actions = body.at("/attachments/0/content/actions");
        assertThat(actions.findValuesAsText("title")).containsExactly("Read the story", "Relevant", "Not relevant");
        assertThat(actions.findValuesAsText("url")).contains(LINKS.relevant(), LINKS.notRelevant());
    }

    @ParameterizedTest
    @EnumSource(WebhookFormat.class)
    void withoutLinksNoFormatMentionsFeedback(WebhookFormat format) {
        String body = payloads.payload(format, alert, alert.view().matches(), null);

        assertThat(body).doesNotContain("feedback", "Relevant", "useful");
    }

    @Test
    void aStoryTooLongForOneBodyIsCutToFitItsLinkKeptAndTheBodySaysWhatWasCut() throws Exception {
        ObjectNode json = TestAlerts.alert("Microsoft weighs legal action");
        String longText = "微软与OpenAI的云协议争议持续发酵。".repeat(3_000); // about 150 KB of UTF-8
        ((ObjectNode) json.get("story")).put("summary", longText).put("content", longText);
        PublishedAlert large = new PublishedAlert(MAPPER.treeToValue(json, Alert.class), json.toString(), new AlertPosition(0, 1));

        String body = payloads.payload(WebhookFormat.STANDARD, large, large.view().matches(), LINKS);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WebhookPayloads.MAX_PAYLOAD_BYTES);
        JsonNode sent = MAPPER.readTree(body);
        assertThat(sent.at("/data/story/link").asText()).isEqualTo(json.at("/story/link").asText());
        assertThat(sent.at("/data/story/title").asText()).isEqualTo("Microsoft weighs legal action");
        assertThat(sent.at("/data/story/content").asText()).isEqualTo("…");
        assertThat(sent.at("/data/story/summary").asText()).startsWith("微软与OpenAI").endsWith("…").hasSizeGreaterThan(1_000);
        assertThat(sent.get("trimmed")).extracting(JsonNode::asText).containsExactly("content", "summary");
        assertThat(payloads.payload(WebhookFormat.STANDARD, alert, alert.view().matches(), LINKS)).doesNotContain("trimmed");
    }

    private static PublishedAlert published() {
        try {
            JsonNode json = TestAlerts.alert("Microsoft weighs legal action");
            return new PublishedAlert(MAPPER.treeToValue(json, Alert.class), json.toString(), new AlertPosition(0, 1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
