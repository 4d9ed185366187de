package dev.newsalerts.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The offline demo's feed names a teaser whose article page the demo server holds, with words the teaser lacks. */
class DemoFeedServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theTeaserItemLinksToAnArticlePageOnTheDemoServerThatSaysMoreThanTheTeaser() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start()) {
            String feed = get(server.feedUrl()).body();
            Matcher item = Pattern.compile("<link>(http://127\\.0\\.0\\.1:\\d+" + DemoFeedServer.ARTICLE_PATH
                    + ")</link>\\s*<description>([^<]*)</description>").matcher(feed);
            assertThat(item.find()).as("an item links to the demo server's article page").isTrue();
            assertThat(feed).doesNotContain("demo-articles.invalid");

            HttpResponse<String> page = get(item.group(1));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("OpenAI");
            assertThat(item.group(2)).doesNotContain("OpenAI");
        }
    }

    @Test
    void aSecondOutletCarriesAWordForWordCopyOfADemoStoryUnderItsOwnLink() throws Exception {
        try (DemoFeedServer server = DemoFeedServer.start()) {
            String feed = get(server.feedUrl()).body();
            HttpResponse<String> wire = get(server.wireUrl());

            assertThat(wire.statusCode()).isEqualTo(200);
            String copied = "<title>Microsoft weighs legal action over OpenAI's $50 billion Amazon deal</title>";
            assertThat(feed).contains(copied);
            assertThat(wire.body()).contains(copied).contains("https://wire.news-alerts.invalid/");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
