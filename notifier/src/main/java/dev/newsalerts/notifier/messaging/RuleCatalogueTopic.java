package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.KnownRules;
import dev.newsalerts.notifier.domain.RuleCatalogue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The classifier's rule catalogue, followed from the compacted {@code news.rules} (written by the
 * classifier, key {@value #KEY}); read-only here. The topic is created (compacted) when missing,
 * as the classifier would.
 */
@ApplicationScoped
public class RuleCatalogueTopic implements KnownRules {

    static final String KEY = "catalogue";
    private static final Duration BROKER_RETRY = Duration.ofSeconds(5);

    private final ChannelTopics kafka;
    private final FollowedTable<RuleCatalogue> table;
    private volatile boolean closed;

    public RuleCatalogueTopic(ChannelTopics kafka, ObjectMapper mapper) {
        this.kafka = kafka;
        this.table = FollowedTable.builder(Topics.RULES, value -> mapper.readValue(value, RuleCatalogue.class)).build();
    }

    void start(@Observes StartupEvent event) {
        Thread follow = new Thread(this::createTopicThenFollow, "rule-catalogue");
        follow.setDaemon(true);
        follow.start();
    }

    void stop(@Observes ShutdownEvent event) {
        closed = true;
        table.close();
    }

    @Override
    public Optional<RuleCatalogue> catalogue() {
        return table.get(KEY);
    }

    private void createTopicThenFollow() {
        try {
            while (!closed && !kafka.createMissing(Set.of(Topics.RULES))) {
                Thread.sleep(BROKER_RETRY.toMillis()); // the broker is not there yet
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!closed) {
            table.start(kafka.clientConfig(ConsumerConfig.configNames()));
        }
    }
}
