package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlFeedsTest {

    @Test
    void anOutlineAsksForTheTextOfItsArticlesWithAFullTextAttribute() {
        List<FeedSource> feeds = OpmlFeeds.parse("""
                <opml version="2.0"><body>
                  <outline text="Teasers" xmlUrl="https://teasers.example.com/feed" fullText="true"/>
                  <outline text="Also teasers" xmlUrl="https://shouting.example.com/feed" fullText="TRUE"/>
                  <outline text="Whole items" xmlUrl="https://full.example.com/feed" fullText="false"/>
                  <outline text="Plain" xmlUrl="https://plain.example.com/feed"/>
                </body></opml>""".getBytes(StandardCharsets.UTF_8), "text/x-opml");

        assertThat(feeds).extracting(FeedSource::fullText).containsExactly(true, true, false, false);
    }
}
