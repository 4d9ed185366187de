package dev.newsalerts.classifier.messaging;

import dev.newsalerts.classifier.app.FeedbackUnavailableException;
import dev.newsalerts.classifier.app.JudgedAlerts;
import dev.newsalerts.classifier.domain.Judgement;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;

/**
 * The judgements readers gave, kept in the compacted {@code news.feedback} topic (written by the
 * notifier; key: alert id, the latest judgement wins, a tombstone removes it), a read-only
 * {@link FollowedTable} this instance follows: read whole at start-up, then every change. The
 * topic is created (compacted) when missing, as the notifier would.
 */
@ApplicationScoped
public class FeedbackTable implements JudgedAlerts {

    /** How long a request waits for the judgements given so far to be read. */
    private static final Duration LOAD_WAIT = Duration.ofSeconds(10);

    private final ChannelTopics kafka;
    private final FollowedTable<Judgement> table;
    private Thread following;

    public FeedbackTable(ChannelTopics kafka, FeedbackReader reader) {
        this.kafka = kafka;
        this.table = FollowedTable.builder(Topics.FEEDBACK, reader::read).build();
    }

    void start(@Observes StartupEvent event) {
        following = kafka.followOnceCreated(table, Topics.FEEDBACK,
                () -> Log.infof("Following %s: reader feedback for GET /rules/quality and the back-test", Topics.FEEDBACK));
    }

    void stop(@Observes ShutdownEvent event) {
        if (following != null) {
            following.interrupt();
        }
        table.close();
    }

    @Override
    public List<Judgement> all() {
        try {
            if (!table.awaitLoaded(LOAD_WAIT)) {
                throw new FeedbackUnavailableException("the judgements of " + Topics.FEEDBACK + " are still being read"
                        + " (or Kafka does not answer); try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedbackUnavailableException("interrupted while reading " + Topics.FEEDBACK);
        }
        return List.copyOf(table.values());
    }
}
