package dev.newsalerts.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedbackLinkTest {

    private static final byte[] KEY = "a-key-of-thirty-two-characters!!".getBytes(StandardCharsets.UTF_8);
    private static final FeedbackLink LINK = new FeedbackLink("9d2b6c1e0f3a4b5c6d7e8f9a0b1c2d3e", Verdict.RELEVANT,
            "sub-1", new AlertPosition(2, 41));

    @Test
    void aLinkCarriesItsPartsAndASignatureOverThem() {
        String link = LINK.pathAndQuery(KEY);

        assertThat(link).startsWith("/feedback/9d2b6c1e0f3a4b5c6d7e8f9a0b1c2d3e?verdict=relevant&sub=sub-1&ref=2-41&sig=");
        String signature = link.substring(link.indexOf("&sig=") + 5);
        assertThat(signature).matches("[A-Za-z0-9_-]{43}");
        assertThat(LINK.isSignedBy(KEY, signature)).isTrue();
    }

    @Test
    void changingAnyPartOrTheKeyBreaksTheSignature() {
        String signature = LINK.sign(KEY);

        assertThat(new FeedbackLink(LINK.alertId(), Verdict.NOT_RELEVANT, "sub-1", LINK.position()).isSignedBy(KEY, signature)).isFalse();
        assertThat(new FeedbackLink(LINK.alertId(), Verdict.RELEVANT, "sub-2", LINK.position()).isSignedBy(KEY, signature)).isFalse();
        assertThat(new FeedbackLink(LINK.alertId(), Verdict.RELEVANT, "sub-1", new AlertPosition(2, 42)).isSignedBy(KEY, signature))
                .isFalse();
        assertThat(new FeedbackLink("0d2b6c1e0f3a4b5c6d7e8f9a0b1c2d3e", Verdict.RELEVANT, "sub-1", LINK.position())
                .isSignedBy(KEY, signature)).isFalse();
        assertThat(LINK.isSignedBy("another-key".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(LINK.isSignedBy(KEY, null)).isFalse();
        assertThat(LINK.isSignedBy(KEY, "not base64!")).isFalse();
        assertThat(LINK.isSignedBy(KEY, signature.substring(1))).isFalse();
    }

    @Test
    void aRefIsPartitionDashOffset() {
        assertThat(AlertPosition.parse("0-17")).isEqualTo(new AlertPosition(0, 17));
        assertThat(new AlertPosition(3, 9).ref()).isEqualTo("3-9");
        assertThatThrownBy(() -> AlertPosition.parse("17")).hasMessageContaining("<partition>-<offset>");
        assertThatThrownBy(() -> AlertPosition.parse("a-1")).hasMessageContaining("<partition>-<offset>");
        assertThatThrownBy(() -> AlertPosition.parse("1--1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerdictIsRelevantOrNotRelevantAndAnythingElseIsExplained() {
        assertThat(Verdict.parse("not-relevant")).isEqualTo(Verdict.NOT_RELEVANT);
        assertThatThrownBy(() -> Verdict.parse("maybe")).hasMessage("verdict must be \"relevant\" or \"not-relevant\", not \"maybe\"");
    }
}
