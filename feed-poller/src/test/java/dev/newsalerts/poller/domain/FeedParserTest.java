package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Leniency with sloppy feeds, and errors that say what is wrong. */
class FeedParserTest {

    @Test
    void anAtomFeedThatForgotItsNamespaceIsStillRead() {
        String feed = "<?xml version=\"1.0\"?>\n<feed>\n<title>테스트</title><entry><title>Café</title>"
                + "<link href=\"https://news.example.com/a\"/></entry></feed>";

        assertThat(FeedParser.parse(feed.getBytes(StandardCharsets.UTF_8), null).getEntries())
                .extracting(entry -> entry.getTitle()).containsExactly("Café");
    }

    @Test
    void leadingWhiteSpaceBeforeThePrologIsForgiven() {
        String feed = "\n\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Story</title></item></channel></rss>";

        assertThat(FeedParser.parse(feed.getBytes(StandardCharsets.UTF_8), null).getEntries()).hasSize(1);
    }

    @Test
    void utf32IsRecognisedByItsFirstBytes() {
        String feed = "<?xml version=\"1.0\" encoding=\"UTF-32\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>微软</title></item></channel></rss>";

        assertThat(FeedParser.parse(feed.getBytes(Charset.forName("UTF-32BE")), null).getEntries().get(0).getTitle())
                .isEqualTo("微软");
        assertThat(FeedParser.parse(feed.getBytes(Charset.forName("UTF-32LE")), null).getEntries().get(0).getTitle())
                .isEqualTo("微软");
    }

    @Test
    void anRssDocumentWithoutAChannelSaysSo() {
        assertThatThrownBy(() -> FeedParser.parse("<rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("not a valid RSS or Atom feed (root element <rss>): the document has no <channel> element");
    }

    @Test
    void anUnknownFormatIsNamedAsSuch() {
        assertThatThrownBy(() -> FeedParser.parse("<feed xmlns=\"http://purl.org/pie/\"><title>t</title></feed>"
                .getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("not a valid RSS or Atom feed (root element <feed>): not a format Rome reads "
                        + "(RSS 0.90 to 2.0, RSS 1.0, Atom 0.3 and 1.0)");
    }
}
