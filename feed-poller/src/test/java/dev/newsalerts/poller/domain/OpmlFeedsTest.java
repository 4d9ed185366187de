package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

    @Test
    void outlinesNestedAHundredThousandDeepAreRefusedNamingTheLimitWithoutOverflowingTheStack() {
        String opml = "<opml version=\"2.0\"><body>" + "<outline text=\"x\">".repeat(100_000)
                + "</outline>".repeat(100_000) + "</body></opml>";

        assertThatThrownBy(() -> OpmlFeeds.parse(opml.getBytes(StandardCharsets.UTF_8), "text/x-opml"))
                .isInstanceOf(OpmlFeeds.OpmlException.class)
                .hasMessage("the OPML document nests outlines deeper than 50 levels");
    }

    @Test
    void outlinesFiftyDeepAreRead() {
        String opml = "<opml version=\"2.0\"><body>" + "<outline text=\"folder\">".repeat(49)
                + "<outline text=\"Deep\" xmlUrl=\"https://deep.example.com/feed\"/>" + "</outline>".repeat(49) + "</body></opml>";

        assertThat(OpmlFeeds.parse(opml.getBytes(StandardCharsets.UTF_8), "text/x-opml"))
                .extracting(FeedSource::url, FeedSource::name).containsExactly(tuple(
                        "https://deep.example.com/feed", "Deep"));
    }

    @Test
    void onlyOutlinesOfTheBodyAndOfOtherOutlinesAreFeeds() {
        List<FeedSource> feeds = OpmlFeeds.parse("""
                <opml version="1.0"><head><outline xmlUrl="https://head.example.com/feed"/></head>
                  <outline xmlUrl="https://root.example.com/feed"/>
                  <body>
                    <outline text="Tech" title="Technology" xmlUrl=" https://a.example.com/feed " language="en">
                      <extension><outline xmlUrl="https://extension.example.com/feed"/></extension>
                      <outline text="B" xmlUrl="https://b.example.com/feed"/>
                    </outline>
                    <outline text="No feed"/>
                  </body>
                </opml>""".getBytes(StandardCharsets.UTF_8), "text/x-opml");

        assertThat(feeds).extracting(FeedSource::url, FeedSource::name, FeedSource::language).containsExactly(
                tuple("https://a.example.com/feed", "Technology", "en"),
                tuple("https://b.example.com/feed", "B", null));
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() {
        String opml = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://example.com/f\"/></body></opml>";

        assertThatThrownBy(() -> OpmlFeeds.parse(opml.getBytes(StandardCharsets.UTF_8), "text/x-opml"))
                .hasMessage("not well-formed XML: DOCTYPE declarations are refused");
    }
}
