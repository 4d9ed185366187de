package dev.newsalerts.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which stories of one event each kind of subscription receives. */
class SubscriptionClustersTest {

    private static final String DISPUTE = "ms-openai-amazon-dispute";
    private static final String PRICING = "cloud-pricing";

    /** One event reported by five outlets, in the order the classifier saw them. */
    private static final List<Alert> FIVE_OUTLETS = IntStream.rangeClosed(1, 5)
            .mapToObj(outlets -> alert("s" + outlets, List.of(DISPUTE), new Alert.Cluster("c1", "s1", outlets == 1,
                    outlets == 1 ? 1.0 : 0.8, List.of(DISPUTE), outlets, "")))
            .toList();

    @Test
    void eachReceivesEveryOutletsStory() {
        assertThat(received(subscription(ClusterMode.EACH, null), FIVE_OUTLETS)).containsExactly("s1", "s2", "s3", "s4", "s5");
    }

    @Test
    void firstReceivesTheEventOnce() {
        assertThat(received(subscription(ClusterMode.FIRST, null), FIVE_OUTLETS)).containsExactly("s1");
    }

    @Test
    void firstWithUpdatesReceivesOneUpdateOnceTheEventHasGrownByTheOutletsAsked() {
        assertThat(received(subscription(ClusterMode.FIRST_UPDATES, 2), FIVE_OUTLETS)).containsExactly("s1", "s3");
        assertThat(received(subscription(ClusterMode.FIRST_UPDATES, null), FIVE_OUTLETS))
                .as("three outlets more by default").containsExactly("s1", "s4");
    }

    @Test
    void aStoryFromBeforeClustersIsItsOwnEvent() {
        Alert unclustered = alert("old", List.of(DISPUTE), null);

        assertThat(received(subscription(ClusterMode.FIRST, null), List.of(unclustered, unclustered))).hasSize(2);
    }

    @Test
    void theFirstStoryOfAnEventForThisSubscriptionsRulesIsDeliveredEvenIfTheClusterBeganUnderAnotherRule() {
        Subscription pricingOnly = new Subscription("p", "p", Channel.WEBHOOK, "https://example.com/hook", List.of(PRICING),
                null, null, null, null, true, null, Subscription.ORIGIN_API, Instant.EPOCH, Instant.EPOCH, null,
                ClusterMode.FIRST, null, null, null, null, null);
        Alert.Cluster joinedADisputeStory = new Alert.Cluster("c1", "s1", false, 0.7, List.of(DISPUTE), 2, "");

        assertThat(pricingOnly.wanted(alert("s2", List.of(DISPUTE, PRICING), joinedADisputeStory)))
                .extracting(Alert.Match::ruleId).containsExactly(PRICING);
    }

    @Test
    void aSubscriptionStoredBeforeClustersKeepsReceivingEachStory() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        Subscription stored = mapper.readValue("""
                {"id":"old","name":"old","channel":"webhook","target":"https://example.com/hook","enabled":true}""",
                Subscription.class);

        assertThat(stored.clusters()).isEqualTo(ClusterMode.EACH);
        assertThat(mapper.writeValueAsString(subscription(ClusterMode.FIRST_UPDATES, 2))).contains("\"clusters\":\"first+updates\"");
    }

    @Test
    void aSubscriptionShownAsTextNeverShowsItsSecrets() {
        Subscription rotated = subscription(ClusterMode.FIRST, null).rotated("whsec_bmV3LXNlY3JldC1vZi0zMi1ieXRlcyEhISE=",
                Instant.EPOCH, java.time.Duration.ofHours(24));

        assertThat(rotated.toString()).contains("sub").doesNotContain("whsec_");
    }

    @Test
    void aModeIsReadByItsName() {
        assertThat(ClusterMode.parse(" first+updates ")).isEqualTo(ClusterMode.FIRST_UPDATES);
        assertThatThrownBy(() -> ClusterMode.parse("once")).hasMessage("'once' is not one of [each, first, first+updates]");
    }

    private static List<String> received(Subscription subscription, List<Alert> alerts) {
        return alerts.stream().filter(alert -> !subscription.wanted(alert).isEmpty()).map(alert -> alert.story().storyId()).toList();
    }

    private static Subscription subscription(ClusterMode clusters, Integer updateAfter) {
        return new Subscription("sub", "sub", Channel.WEBHOOK, "https://example.com/hook", List.of(), null, null, null, null,
                true, null, Subscription.ORIGIN_API, Instant.EPOCH, Instant.EPOCH, null, clusters, updateAfter,
                null, null, null, null);
    }

    private static Alert alert(String storyId, List<String> rules, Alert.Cluster cluster) {
        Alert.Story story = new Alert.Story(storyId, "https://outlet.example/feed.xml", "Outlet", "https://outlet.example/" + storyId,
                "Microsoft weighs legal action over OpenAI's Amazon deal", null, "en", Instant.EPOCH);
        List<Alert.Match> matches = rules.stream().map(rule -> new Alert.Match(rule, rule, 1.0, List.of())).toList();
        return new Alert("a-" + storyId, story, matches, "v1", Instant.EPOCH, cluster);
    }
}
