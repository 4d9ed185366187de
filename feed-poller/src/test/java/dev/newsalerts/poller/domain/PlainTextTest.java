package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void htmlIsRemovedAndEntitiesDecoded() {
        assertThat(PlainText.of("<p>AT&amp;T &lt;3 <b>Azure</b>&nbsp;price &#x6DA8;&#20215;</p>", 100))
                .isEqualTo("AT&T <3 Azure price 涨价");
    }

    @Test
    void longTextIsCutAtAWordWithAnEllipsis() {
        String text = PlainText.of("one two three four five six seven eight nine ten", 20);
        assertThat(text).endsWith("…").hasSizeLessThanOrEqualTo(20).startsWith("one two three");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "😀".repeat(10);
        String text = PlainText.of(emoji, 6);
        assertThat(text.codePoints().allMatch(cp -> cp == 0x1F600 || cp == '…')).isTrue();
    }
}
