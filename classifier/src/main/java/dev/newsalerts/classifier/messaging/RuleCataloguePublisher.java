package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.app.Rules;
import dev.newsalerts.classifier.domain.RuleCatalogue;
import dev.newsalerts.kafka.Topics;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes the rules in force to the compacted {@code news.rules} (key {@value Topics#RULE_CATALOGUE_KEY}) at start-up
 * and after each change of the rule file, so the notifier can refuse subscriptions to rules that do
 * not exist. Every instance publishes the same catalogue; a failed write is tried again at the next check.
 */
@ApplicationScoped
public class RuleCataloguePublisher {

    private final Rules rules;
    private final Emitter<Record<String, String>> catalogue;
    private final ObjectMapper mapper;
    private volatile String publishedVersion;
    private volatile boolean sending;

    public RuleCataloguePublisher(Rules rules, @Channel(Channels.RULES) Emitter<Record<String, String>> catalogue,
            ObjectMapper mapper) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.mapper = mapper;
    }

    // not before start-up has ended: the scheduler ticks before the messaging channels are connected
    @Scheduled(every = "${classifier.reload-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishIfChanged() throws JsonProcessingException {
        RuleCatalogue current = rules.catalogue();
        if (sending || current.rulesVersion().equals(publishedVersion)) {
            return;
        }
        sending = true;
        catalogue.send(Record.of(Topics.RULE_CATALOGUE_KEY, mapper.writeValueAsString(current))).whenComplete((done, failure) -> {
            sending = false;
            if (failure == null) {
                publishedVersion = current.rulesVersion();
                Log.infof("Rule catalogue %s published to %s: %s", current.rulesVersion(), Topics.RULES,
                        current.rules().stream().map(RuleCatalogue.Entry::id).toList());
            } else {
                Log.warnf("Rule catalogue %s not published to %s (%s); trying again", current.rulesVersion(), Topics.RULES,
                        failure.getMessage());
            }
        });
    }
}
