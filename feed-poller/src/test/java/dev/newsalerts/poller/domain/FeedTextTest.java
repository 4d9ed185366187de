package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** Feeds in the character sets news sites use, as real encoded bytes. */
class FeedTextTest {

    private static final String SIMPLIFIED = "微软考虑就OpenAI与亚马逊的交易采取法律行动";
    private static final String GBK_ONLY = "鎔镕"; // in GBK, not in GB2312
    private static final String TRADITIONAL = "臺灣半導體產業動態";
    private static final String WESTERN = "“Smart quotes” cost €5 – naïve café";

    @Test
    void gb18030IsReadFromTheProlog() {
        assertThat(title(feed("GB18030", SIMPLIFIED, "GB18030"), "application/rss+xml")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void aFeedLabelledGb2312ThatUsesGbkCharactersIsReadWhole() {
        assertThat(title(feed("gb2312", SIMPLIFIED + GBK_ONLY, "GBK"), null)).isEqualTo(SIMPLIFIED + GBK_ONLY);
    }

    @Test
    void big5IsReadFromTheHttpHeader() {
        assertThat(title(feed(null, TRADITIONAL, "Big5"), "text/xml; charset=big5")).isEqualTo(TRADITIONAL);
    }

    @Test
    void windows1252IsReadFromThePrologAndSoIsLatin1UsingIt() {
        assertThat(title(feed("windows-1252", WESTERN, "windows-1252"), null)).isEqualTo(WESTERN);
        assertThat(title(feed("ISO-8859-1", WESTERN, "windows-1252"), "application/xml")).isEqualTo(WESTERN);
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() {
        assertThat(title(feed("UTF-16", SIMPLIFIED, "UTF-16"), "application/rss+xml")).isEqualTo(SIMPLIFIED);
        byte[] littleEndian = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, feed("UTF-16", WESTERN, "UTF-16LE"));
        assertThat(title(littleEndian, "text/xml; charset=utf-8")).isEqualTo(WESTERN);
    }

    @Test
    void aUtf8ByteOrderMarkWinsOverAWrongHeader() {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, feed(null, SIMPLIFIED, "UTF-8"));
        assertThat(title(withBom, "text/xml; charset=iso-8859-1")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void theHeaderCharsetWinsOverThePrologWhenTheBytesAgreeWithIt() {
        assertThat(title(feed("GBK", SIMPLIFIED, "UTF-8"), "application/rss+xml; charset=UTF-8")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void aServerDefaultUtf8HeaderDoesNotGarbleAGbkFeedThatSaysSoInItsProlog() {
        assertThat(title(feed("GBK", SIMPLIFIED, "GBK"), "text/xml; charset=utf-8")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void aServerDefaultLatin1HeaderDoesNotGarbleAUtf8FeedThatSaysSoInItsProlog() {
        assertThat(title(feed("UTF-8", SIMPLIFIED, "UTF-8"), "text/xml; charset=ISO-8859-1")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void aUtf8PrologThatTheBytesDoNotFitGivesWayToTheLatin1Header() {
        assertThat(title(feed("UTF-8", WESTERN, "windows-1252"), "text/xml; charset=ISO-8859-1")).isEqualTo(WESTERN);
    }

    @Test
    void undeclaredBytesThatAreNotUtf8AreReadAsWindows1252() {
        assertThat(title(feed(null, WESTERN, "windows-1252"), null)).isEqualTo(WESTERN);
    }

    private static String title(byte[] body, String contentType) {
        SyndFeed feed = FeedParser.parse(body, contentType);
        return feed.getEntries().get(0).getTitle();
    }

    /** An RSS feed whose item title is {@code title}, with {@code declared} in its prolog, encoded in {@code actual}. */
    private static byte[] feed(String declared, String title, String actual) {
        String prolog = declared == null ? "<?xml version=\"1.0\"?>" : "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>";
        String xml = prolog + "\n<rss version=\"2.0\"><channel><title>Feed</title><link>https://news.example.com/</link>"
                + "<item><title>" + title + "</title><link>https://news.example.com/a</link></item></channel></rss>";
        Charset charset = Charset.forName(actual);
        assertThat(new String(xml.getBytes(charset), charset)).as("the test text fits " + actual).isEqualTo(xml);
        return xml.getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
