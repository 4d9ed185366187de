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
import java.util.Optional;

/**
 * The classifier's rule catalogue, followed from the compacted {@code news.rules} (written by the
 * classifier, key {@value Topics#RULE_CATALOGUE_KEY}); read-only here. The topic is created (compacted) when missing,
 * as the classifier would.
 */
@ApplicationScoped
public class RuleCatalogueTopic implements KnownRules {


    private final ChannelTopics kafka;
    private final FollowedTable<RuleCatalogue> table;
    private Thread following;

    public RuleCatalogueTopic(ChannelTopics kafka, ObjectMapper mapper) {
        this.kafka = kafka;
        this.table = FollowedTable.builder(Topics.RULES, value -> mapper.readValue(value, RuleCatalogue.class)).build();
    }

    void start(@Observes StartupEvent event) {
        following = kafka.followOnceCreated(table, Topics.RULES, () -> { });
    }

    void stop(@Observes ShutdownEvent event) {
        if (following != null) {
            following.interrupt();
        }
        table.close();
    }

    @Override
    public Optional<RuleCatalogue> catalogue() {
        return table.get(Topics.RULE_CATALOGUE_KEY);
    }
}
