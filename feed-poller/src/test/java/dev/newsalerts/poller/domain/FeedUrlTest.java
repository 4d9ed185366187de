package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedUrlTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://example.com/news/feed.xml",
            "https://example.com/news/feed.xml#latest",
            "https://example.com/news/./feed.xml",
            "https://example.com//news//feed.xml",
            "https://example.com/news/old/../feed.xml",
            "https://example.com/news/%2E/feed.xml",
            "HTTPS://Example.COM/news/feed.xml",
            "https://example.com:443/news/feed.xml",
            "  https://example.com/news/feed.xml  "})
    void oneFeedSpelledAnyOfTheseWaysHasOneUrl(String spelling) {
        assertThat(FeedUrl.normalise(spelling)).isEqualTo("https://example.com/news/feed.xml");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "an empty path is / | http://example.com | http://example.com/",
            "another port is kept | http://example.com:8080/feed | http://example.com:8080/feed",
            "an empty port is dropped | http://example.com:/feed | http://example.com/feed",
            "port 80 on https is kept | https://example.com:80/feed | https://example.com:80/feed",
            "a final slash is kept | https://example.com/feed/ | https://example.com/feed/",
            "a final .. keeps the slash | https://example.com/a/b/.. | https://example.com/a/",
            "the query is kept as written | https://example.com/Feed?Topic=AI&x | https://example.com/Feed?Topic=AI&x",
            "a path outside ASCII is percent-encoded | https://example.com/新闻/rss | https://example.com/%E6%96%B0%E9%97%BB/rss",
            "an IPv6 literal is lower-cased | http://[::FFFF:10.0.0.1]/feed | http://[::ffff:10.0.0.1]/feed",
            "an internationalised host is ASCII | http://bücher.example/feed | http://xn--bcher-kva.example/feed",
            "in every script | https://例子.测试/rss | https://xn--fsqu00a.xn--0zwm56d/rss",
            "and case | https://BÜCHER.example/feed | https://xn--bcher-kva.example/feed",
            "two numbers are an IPv4 address | http://10.1/ | http://10.0.0.1/",
            "so are three | http://127.0.1/feed | http://127.0.0.1/feed",
            "and one | http://2130706433/ | http://127.0.0.1/",
            "in hex | http://0x7f.1/ | http://127.0.0.1/",
            "in hex at once | http://0x7F000001/ | http://127.0.0.1/",
            "in octal | http://0177.0.0.1/ | http://127.0.0.1/",
            "a leading zero is octal as inet_aton reads it | http://010.0.0.1/ | http://8.0.0.1/",
            "with a final dot | http://192.168.0.1./ | http://192.168.0.1/"})
    void eachPartIsWrittenInItsNormalForm(String what, String written, String normal) {
        assertThat(FeedUrl.normalise(written)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://user:secret@example.com/feed | must not contain a user name or password (user:password@)",
            "https://token@example.com/feed | must not contain a user name or password (user:password@)",
            "ftp://example.com/feed | must be an http or https URL with a host",
            "http:///feed | must be an http or https URL with a host",
            "http:example.com/feed | must be an http or https URL with a host",
            "/feed.xml | must be an http or https URL with a host",
            "http://256.0.0.1/ | host 256.0.0.1 ends in a number but is not an IPv4 address",
            "http://1.2.3.4.5/ | host 1.2.3.4.5 ends in a number but is not an IPv4 address",
            "http://09.0.0.1/ | host 09.0.0.1 ends in a number but is not an IPv4 address",
            "http://example.123/ | host example.123 ends in a number but is not an IPv4 address",
            "http://my_host.example.com/ | host my_host.example.com is not a valid host name",
            "http://example.com:0/ | port :0 is not a port number (1 to 65535)",
            "http://example.com:99999/ | port :99999 is not a port number (1 to 65535)",
            "http://example.com/a b | is not a valid URL: Illegal character in path"})
    void whatCannotBePolledIsRefusedSayingWhy(String url, String reason) {
        assertThatThrownBy(() -> FeedUrl.normalise(url)).isInstanceOf(FeedUrl.Invalid.class).hasMessageStartingWith(reason);
    }

    @Test
    void aUrlInNormalFormStaysAsItIs() {
        for (String url : new String[] {"http://bücher.example//a/./b/../c#x", "HTTP://0x7f.1:80", "https://example.com/%E6%96%B0?q=1"}) {
            String normal = FeedUrl.normalise(url);
            assertThat(FeedUrl.normalise(normal)).isEqualTo(normal);
        }
    }

    @Test
    void noUrlIsRefused() {
        assertThatThrownBy(() -> FeedUrl.normalise(null)).isInstanceOf(FeedUrl.Invalid.class);
    }

    @Test
    void aPasswordInAUrlNeverReachesTheLog() {
        assertThat(FeedUrl.forLog("https://reader:s3cret@news.example/feed?x=a@b")).isEqualTo("https://***@news.example/feed?x=a@b");
        assertThat(FeedUrl.forLog("https://news.example/feed?x=a@b")).isEqualTo("https://news.example/feed?x=a@b");
    }
}
