package dev.newsalerts.localrun;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.localkafka.LocalKafkaCluster;
import dev.newsalerts.localkafka.TopicContents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scale-out check (not part of the build or CI; {@code ./mvnw -pl deploy/local-kafka,deploy/local-run -Pscale-out verify}
 * after {@code ./mvnw install -DskipTests}): a three-node Kafka cluster on loopback, two instances of
 * each service, feeds that keep growing, and two webhook subscriptions. While stories flow, one
 * instance of each service is killed with SIGKILL, and once the survivors have taken over, the
 * Kafka node coordinating the notifiers' consumer group is killed with SIGKILL too. Then every
 * matching story must reach both subscriptions; a story may arrive twice only if it was first
 * delivered before the notifier's kill (under way in the killed notifier: at most
 * {@value #CONCURRENCY} per subscription, with the same {@code webhook-id}); a delivery first made
 * after that kill, through the broker's death too, must arrive once. Prints what it
 * measured and writes it to {@code target/scale-out/result.txt}; the instances' and nodes' logs are
 * next to it.
 */
class ScaleOutCheck {

    private static final int FEEDS = 8;
    private static final Duration TICK = Duration.ofSeconds(2);
    /** How long the webhook receiver takes to answer. */
    private static final Duration RECEIVER_LATENCY = Duration.ofMillis(300);
    private static final List<String> SUBSCRIPTIONS = List.of("scale-a", "scale-b");
    /** The notifier's default notifier.delivery.concurrency-per-subscription: deliveries that can be in flight at a kill. */
    private static final int CONCURRENCY = 4;
    private static final Path WORK = Path.of("target", "scale-out").toAbsolutePath();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LocalKafkaCluster kafka;
    private ConsumerGroups groups;
    private GrowingFeeds feeds;
    private CountingReceiver receiver;
    private final List<ServiceInstance> instances = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final StringBuilder report = new StringBuilder();

    @BeforeEach
    void startClusterFeedsAndReceiver() throws Exception {
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
        Instant start = Instant.now();
        kafka = LocalKafkaCluster.start(WORK.resolve("kafka"), 3);
        note("3-node Kafka cluster up in %d s: %s", seconds(start), kafka.bootstrapServers());
        groups = new ConsumerGroups(kafka.bootstrapServers());
        feeds = new GrowingFeeds(FEEDS);
        receiver = new CountingReceiver(RECEIVER_LATENCY);
    }

    @AfterEach
    void stopEverything() throws IOException {
        ticker.shutdownNow();
        instances.forEach(ServiceInstance::close);
        receiver.close();
        feeds.close();
        groups.close();
        kafka.close();
        Files.writeString(WORK.resolve("result.txt"), report);
    }

    @Test
    void noAlertIsLostOrRepeatedWhenOneInstanceOfEachServiceAndThenOneBrokerAreKilled() throws Exception {
        feeds.tick();
        Path feedsFile = Files.writeString(WORK.resolve("feeds.yaml"), "feeds:\n" + feeds.urls().stream()
                .map(url -> "  - url: " + url + "\n").collect(Collectors.joining()));
        Instant launched = Instant.now();
        ServiceInstance poller1 = launch(ServiceApp.FEED_POLLER, "feed-poller-1", pollerSettings(feedsFile, "feed-poller-1"));
        ServiceInstance poller2 = launch(ServiceApp.FEED_POLLER, "feed-poller-2", pollerSettings(feedsFile, "feed-poller-2"));
        launch(ServiceApp.CLASSIFIER, "classifier-1", List.of());
        ServiceInstance classifier2 = launch(ServiceApp.CLASSIFIER, "classifier-2", List.of());
        launch(ServiceApp.NOTIFIER, "notifier-1", notifierSettings());
        ServiceInstance notifier2 = launch(ServiceApp.NOTIFIER, "notifier-2", notifierSettings());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> instances.stream().allMatch(this::ready));
        note("six service instances ready %d s after launch", seconds(launched));
        ticker.scheduleAtFixedRate(feeds::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);

        // Each instance does its share before anything is killed.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> !polledHere(poller1).isEmpty()
                && !polledHere(poller2).isEmpty() && groups.sharedBy("classifier", "news.stories", 2)
                && groups.sharedBy("notifier", "news.alerts", 2));
        Set<String> feedsOfKilledPoller = polledHere(poller2);
        note("shares: feed-poller-2 polls %d of %d feeds; classifier partitions %s; notifier partitions %s",
                feedsOfKilledPoller.size(), FEEDS, groups.shares("classifier", "news.stories").values(),
                groups.shares("notifier", "news.alerts").values());
        Map<String, Integer> replication = groups.replicationFactors();
        note("replication factor of each topic: %s", replication);
        // Killed while deliveries are under way: at a burst of new stories, with some requests not yet answered.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> receiver.count() >= 100 && receiver.unanswered().size() >= CONCURRENCY);

        // One instance of each service dies at once.
        feeds.forgetFetches();
        Instant servicesKilled = Instant.now();
        int publishedAtServiceKill = feeds.itemsPerFeed();
        Set<String> unansweredAtKill = receiver.unanswered();
        poller2.kill();
        classifier2.kill();
        notifier2.kill();
        // Deliveries notifier-2 sent before it died may land a moment after servicesKilled; any later is notifier-1's.
        Instant notifierDead = Instant.now();
        note("kill -9 of feed-poller-2, classifier-2, notifier-2 after %d deliveries (%d items per feed), %d of them"
                + " not answered yet", receiver.count(), publishedAtServiceKill, unansweredAtKill.size());
        Duration pollerTakeover = timed(servicesKilled, Duration.ofSeconds(120), () -> feedsOfKilledPoller.stream()
                .allMatch(url -> feeds.fetchedBy(url).contains("feed-poller-1")));
        Duration classifierTakeover = timed(servicesKilled, Duration.ofSeconds(120),
                () -> groups.sharedBy("classifier", "news.stories", 1));
        Duration notifierTakeover = timed(servicesKilled, Duration.ofSeconds(120),
                () -> groups.sharedBy("notifier", "news.alerts", 1));
        int markAfterTakeover = feeds.itemsPerFeed();
        Duration flowing = timed(servicesKilled, Duration.ofSeconds(120), () -> everyFeedDeliveredFrom(markAfterTakeover));
        note("takeover after the kill: feed-poller-1 fetched all of feed-poller-2's feeds in %d s; classifier-1 held all"
                + " partitions in %d s; notifier-1 in %d s; stories of every feed published after that delivered %d s after"
                + " the kill", pollerTakeover.toSeconds(), classifierTakeover.toSeconds(), notifierTakeover.toSeconds(),
                flowing.toSeconds());

        // Then one Kafka node dies: the one coordinating the notifiers' group.
        int victim = groups.coordinator("notifier");
        int controller = groups.activeController();
        int publishedAtBrokerKill = feeds.itemsPerFeed();
        Instant brokerKilled = Instant.now();
        kafka.kill(victim);
        note("kill -9 of Kafka node %d (coordinator of the notifier group%s) after %d deliveries (%d items per feed)",
                victim, victim == controller ? ", and the active controller" : "; node " + controller + " is the active controller",
                receiver.count(), publishedAtBrokerKill);
        Duration brokerRecovery = timed(brokerKilled, Duration.ofSeconds(180), () -> everyFeedDeliveredFrom(publishedAtBrokerKill));
        note("stories of every feed published after the broker's kill delivered %d s after it", brokerRecovery.toSeconds());
        await().atMost(Duration.ofSeconds(60)).until(() -> feeds.itemsPerFeed() >= publishedAtBrokerKill + 10);
        ticker.shutdownNow();

        // Everything published must arrive; then the receiver must go quiet.
        int published = feeds.itemsPerFeed();
        Set<String> expected = feeds.matchingLinks(published);
        Instant publishingStopped = Instant.now();
        boolean complete = true;
        try {
            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> SUBSCRIPTIONS.stream().allMatch(subscription -> receiver.links(subscription).containsAll(expected)));
        } catch (ConditionTimeoutException e) {
            complete = false;
        }
        note("%s %d s after the last item was published", complete ? "all alerts delivered" : "NOT all alerts delivered",
                seconds(publishingStopped));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> receiver.arrivals().stream()
                .allMatch(arrival -> arrival.at().isBefore(Instant.now().minusSeconds(10))));

        // A repeat is allowed only for a delivery first made before the notifier's kill (under way in the
        // killed instance, its outcome not yet in Kafka); every delivery first made after it must come once.
        Map<String, Long> repeated = new java.util.TreeMap<>(receiver.repeated());
        Map<String, List<Instant>> times = receiver.arrivalTimes();
        Map<String, String> repeatTimes = new java.util.TreeMap<>();
        repeated.keySet().forEach(key -> repeatTimes.put(key, times.get(key).stream()
                .map(at -> String.format("%+.1f s", Duration.between(servicesKilled, at).toMillis() / 1000.0))
                .collect(Collectors.joining(", ")) + (unansweredAtKill.contains(key) ? " (unanswered at the kill)" : "")));
        Set<String> repeatedFirstMadeAfterKill = repeated.keySet().stream()
                .filter(key -> times.get(key).get(0).isAfter(notifierDead)).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Long> storyCopies = copiesByKey("news.stories");
        Map<String, Long> alertCopies = copiesByKey("news.alerts");
        note("%d items per feed, %d stories (%d matching) in all; %d deliveries expected (%d subscriptions), %d made",
                published, published * FEEDS, expected.size(), expected.size() * SUBSCRIPTIONS.size(), SUBSCRIPTIONS.size(),
                receiver.count());
        note("news.stories: %d records for %d stories; news.alerts: %d records for %d alerts",
                storyCopies.values().stream().mapToLong(Long::longValue).sum(), storyCopies.size(),
                alertCopies.values().stream().mapToLong(Long::longValue).sum(), alertCopies.size());
        note("repeated deliveries: %d; arrivals relative to the services' kill (broker killed at %+d s): %s",
                repeated.size(), Duration.between(servicesKilled, brokerKilled).toSeconds(), repeatTimes);

        SoftAssertions softly = new SoftAssertions();
        for (String subscription : SUBSCRIPTIONS) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(receiver.links(subscription));
            softly.assertThat(missing).as("alerts lost on the way to %s", subscription).isEmpty();
        }
        Set<String> unrelated = feeds.unrelatedLinks(published);
        softly.assertThat(receiver.arrivals()).as("deliveries of stories no rule matches")
                .noneMatch(arrival -> unrelated.contains(arrival.link()));
        softly.assertThat(replication).as("replication factor of each topic").allSatisfy((topic, factor) ->
                softly.assertThat(factor).as(topic).isEqualTo(3));
        // A delivery the receiver took whose outcome was not yet in Kafka when notifier-2 died is made
        // again by notifier-1, with the same webhook-id: at most the deliveries in flight.
        softly.assertThat(receiver.repeatedWithDifferentIds()).as("repeats with a different webhook-id").isEmpty();
        softly.assertThat(repeated.values()).as("times a repeated delivery arrived").allMatch(count -> count == 2);
        softly.assertThat(repeated).as("deliveries repeated after the notifier's kill")
                .hasSizeLessThanOrEqualTo(CONCURRENCY * SUBSCRIPTIONS.size());
        softly.assertThat(repeatedFirstMadeAfterKill).as("deliveries first made after the notifier's kill, repeated")
                .isEmpty();
        softly.assertAll();
    }

    private ServiceInstance launch(ServiceApp app, String name, List<String> settings) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dtopics.replication-factor=3",
                "-Dtopics.partitions=6",
                "-Dquarkus.log.category.\"org.apache.kafka\".level=WARN"));
        options.addAll(settings);
        ServiceInstance instance = ServiceInstance.launch(app, name, options, WORK);
        instances.add(instance);
        return instance;
    }

    private static List<String> pollerSettings(Path feedsFile, String name) {
        return List.of("-Dpoller.feeds-file=" + feedsFile, "-Dpoller.interval=2s",
                "-Dpoller.fetch.allowed-networks=127.0.0.0/8", "-Dpoller.fetch.user-agent=" + name);
    }

    private List<String> notifierSettings() {
        List<String> settings = new ArrayList<>(List.of("-Dnotifier.webhook.allowed-networks=127.0.0.0/8"));
        for (String subscription : SUBSCRIPTIONS) {
            settings.add("-Dnotifier.subscriptions." + subscription + ".target=" + receiver.url(subscription));
        }
        return settings;
    }

    private boolean ready(ServiceInstance instance) {
        try {
            return instance.isReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The feeds the poller instance says it polls. */
    private static Set<String> polledHere(ServiceInstance poller) throws IOException, InterruptedException {
        Set<String> urls = new HashSet<>();
        for (JsonNode feed : MAPPER.readTree(poller.get("/feeds"))) {
            if (feed.path("polledHere").asBoolean()) {
                urls.add(feed.get("url").asText());
            }
        }
        return urls;
    }

    /** Whether, for every feed, a story published at or after item {@code item} has reached the receiver. */
    private boolean everyFeedDeliveredFrom(int item) {
        Set<Integer> feedsDelivered = new HashSet<>();
        for (CountingReceiver.Arrival arrival : receiver.arrivals()) {
            String[] parts = arrival.link().split("/");
            if (parts.length >= 2 && Integer.parseInt(parts[parts.length - 1]) >= item) {
                feedsDelivered.add(Integer.parseInt(parts[parts.length - 2]));
            }
        }
        return feedsDelivered.size() == FEEDS;
    }

    private Map<String, Long> copiesByKey(String topic) {
        return TopicContents.readAll(kafka.bootstrapServers(), topic).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private static Duration timed(Instant since, Duration atMost, Callable<Boolean> condition) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
        return Duration.between(since, Instant.now());
    }

    private static long seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds();
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("ScaleOutCheck: " + line);
        report.append(line).append('\n');
    }
}
