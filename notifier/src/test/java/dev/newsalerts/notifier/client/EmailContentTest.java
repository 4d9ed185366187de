package dev.newsalerts.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsalerts.notifier.domain.Alert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an email says: a digest lists each event once, with the other outlets that reported it; a subject is one clean line. */
class EmailContentTest {

    @Test
    void eachEventOnceItsFirstStoryOnTopAndTheOtherOutletsUnderIt() {
        EmailSender.Item copy = item("b", "Daily", new Alert.Cluster("a", "a", false, 0.8, List.of("r"), 2, ""));
        EmailSender.Item first = item("a", "Wire", new Alert.Cluster("a", "a", true, 1.0, List.of("r"), 1, ""));
        EmailSender.Item unclustered = item("c", "Old", null);
        EmailSender.Item another = item("d", "Tech", new Alert.Cluster("d", "d", true, 1.0, List.of("r"), 1, ""));

        List<EmailSender.Item> digest = EmailSender.oneEntryPerEvent(List.of(copy, unclustered, first, another));

        assertThat(digest).extracting(item -> item.alert().story().storyId()).containsExactly("a", "c", "d");
        assertThat(digest.get(0).alsoReportedBy()).extracting(Alert.Story::feedTitle).containsExactly("Daily");
        assertThat(digest.get(1).alsoReportedBy()).isEmpty();
    }

    @Test
    void aSubjectCarriesNoLineBreakAndNoBidiOverrideFromTheStory() {
        Alert.Story story = new Alert.Story("s", null, null, null, "Invoice \u202Egpj.exe\r\nBcc: x@example.com", null, null, null);
        Alert alert = new Alert("a", story, List.of(new Alert.Match("r", "Cloud prices", 1.0, List.of())), "v1", Instant.EPOCH);

        assertThat(EmailSender.subject(alert)).isEqualTo("[news-alerts] Cloud prices: Invoice gpj.exe Bcc: x@example.com");
    }

    private static EmailSender.Item item(String storyId, String outlet, Alert.Cluster cluster) {
        Alert.Story story = new Alert.Story(storyId, "https://" + outlet + ".example/feed", outlet, "https://" + outlet + ".example/" + storyId,
                "AWS cuts S3 prices", null, "en", Instant.EPOCH);
        return new EmailSender.Item(new Alert("alert-" + storyId, story, List.of(), "v1", Instant.EPOCH, cluster), null);
    }
}
