package dev.newsalerts.classifier.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the pipeline keeps of each alerted story's cluster: outlets, the first story's rules, the same answer on a replay. */
class StoryClustersTest {

    private static final Instant NOON = Instant.parse("2026-03-18T12:00:00Z");
    private static final String TITLE = "AWS lowers prices for Graviton instances by 20%";
    private static final String LEAD = "Amazon Web Services cut on-demand prices for its Arm-based Graviton instances by 20%"
            + " in all regions from March 1, the company said.";

    @Test
    void outletsAreCountedOncePerSiteAndTheFirstStorysRulesAreKept() {
        StoryClusters clusters = new StoryClusters(Duration.ofHours(72));

        ClusterMember first = clusters.place(story("a", "https://www.wire.example.com/1", Set.of("cloud-pricing")), NOON);
        ClusterMember sameSite = clusters.place(story("b", "https://wire.example.com/2", Set.of("cloud-pricing", "other")),
                NOON.plusSeconds(60));
        ClusterMember otherSite = clusters.place(story("c", "https://daily.example.org/x", Set.of("cloud-pricing", "other")),
                NOON.plusSeconds(120));

        assertThat(first.head()).isTrue();
        assertThat(sameSite.clusterId()).isEqualTo("a");
        assertThat(sameSite.outlets()).as("www.wire.example.com and wire.example.com are one outlet").isEqualTo(1);
        assertThat(otherSite.outlets()).isEqualTo(2);
        assertThat(otherSite.headRules()).containsExactly("cloud-pricing");
        assertThat(clusters.cluster("a")).extracting(ClusterMember::storyId).containsExactly("a", "b", "c");
    }

    @Test
    void aStoryPlacedAgainGetsTheSamePlaceAndAnotherInstanceRebuildsItFromTheMembers() {
        StoryClusters clusters = new StoryClusters(Duration.ofHours(72));
        ClusterMember first = clusters.place(story("a", "https://wire.example.com/1", Set.of("cloud-pricing")), NOON);
        ClusterMember second = clusters.place(story("b", "https://daily.example.org/2", Set.of("cloud-pricing")), NOON.plusSeconds(5));

        assertThat(clusters.place(story("b", "https://daily.example.org/2", Set.of("cloud-pricing")), NOON.plusSeconds(60)))
                .isEqualTo(second);

        StoryClusters rebuilt = new StoryClusters(Duration.ofHours(72));
        rebuilt.remember(first);
        rebuilt.remember(second);
        ClusterMember third = rebuilt.place(story("c", "https://tech.example.net/3", Set.of("cloud-pricing")), NOON.plusSeconds(90));
        assertThat(third.clusterId()).isEqualTo("a");
        assertThat(third.outlets()).isEqualTo(3);
    }

    @Test
    void membersOlderThanTheWindowAreForgotten() {
        StoryClusters clusters = new StoryClusters(Duration.ofHours(1));
        clusters.place(story("a", "https://wire.example.com/1", Set.of("cloud-pricing")), NOON);

        clusters.forgetBefore(NOON.plusSeconds(3600 + 1));

        assertThat(clusters.member("a")).isEmpty();
        assertThat(clusters.cluster("a")).isEmpty();
    }

    @Test
    void theOutletIsTheLinksSiteElseTheFeeds() {
        assertThat(new ClusterCandidate("s", "t", "l", null, "https://WWW.Feeds.Example.com/rss", Set.of()).outlet())
                .isEqualTo("feeds.example.com");
        assertThat(new ClusterCandidate("s", "t", "l", "not a url at all", null, Set.of()).outlet()).isEqualTo("unknown");
    }

    private static ClusterCandidate story(String storyId, String link, Set<String> rules) {
        return new ClusterCandidate(storyId, TITLE, LEAD, link, null, rules);
    }
}
