package dev.newsalerts.plaintext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void htmlIsRemovedAndEntitiesDecoded() {
        assertThat(PlainText.of("<p>AT&amp;T &lt;3 <b>Azure</b>&nbsp;price &#x6DA8;&#20215;</p>", 100))
                .isEqualTo("AT&T <3 Azure price 涨价");
    }

    @Test
    void blocksBecomeParagraphsAndBreaksAndListItemsBecomeLines() {
        String html = "<h2>Morning brief</h2><p>Microsoft   reports\n results.</p>"
                + "<ul><li>OpenAI hires</li><li>Amazon sues</li></ul>First line<br>second line<div>end</div>";
        assertThat(PlainText.of(html)).isEqualTo("""
                Morning brief

                Microsoft reports results.

                OpenAI hires
                Amazon sues

                First line
                second line

                end""");
    }

    @Test
    void inlineMarkupJoinsWordsAsWrittenAndTableCellsAreSpaced() {
        assertThat(PlainText.of("Azure<i>Open</i>AI <table><tr><td>GPU</td><td>$2/h</td></tr></table>"))
                .isEqualTo("AzureOpenAI\n\nGPU $2/h");
    }

    @Test
    void textWithoutMarkupKeepsBlankLinesAsParagraphsAndUnwrapsLines() {
        assertThat(PlainText.of("阿里云宣布降价。\n\n  Second para\nwrapped here.\r\n\r\nThird &amp; last"))
                .isEqualTo("阿里云宣布降价。\n\nSecond para wrapped here.\n\nThird & last");
    }

    @Test
    void aLineHasNoBreaks() {
        assertThat(PlainText.line("<p>Microsoft</p><p>and  OpenAI<br>sign</p>", 100)).isEqualTo("Microsoft and OpenAI sign");
    }

    @Test
    void scriptsAndStylesAreNotText() {
        assertThat(PlainText.of("<style>p{}</style><script>alert(1)</script><p>news</p>")).isEqualTo("news");
    }

    @Test
    void nullStaysNullAndEmptyStaysEmpty() {
        assertThat(PlainText.of(null)).isNull();
        assertThat(PlainText.line(null, 10)).isNull();
        assertThat(PlainText.of("  <p> </p> ")).isEmpty();
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
