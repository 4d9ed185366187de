package dev.newsalerts.notifier.messaging;

import dev.newsalerts.notifier.app.AlertDispatcher;
import dev.newsalerts.notifier.app.DeliveryWorkers;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * news.alerts, read twice: by the consumer group {@code notifier} for webhooks and by
 * {@code notifier-email} for email, each an {@link AlertLane} with alerts in flight of its own, so a
 * slow mail server delays emails only; Kafka keeps the alerts email has not reached yet. A record
 * is parsed by the first lane to reach it ({@link LaneReads}). The webhook
 * lane dead-letters an unreadable alert (to {@code news.alerts.dlq} with the reason); the email lane
 * skips it.
 *
 * <p>Deliveries block (HTTP, SMTP), so they run on a worker of our own rather than on the
 * connector's ordered worker context, where the blocking mailer would wait on itself. Plain threads
 * ({@link DeliveryWorkers}), not Quarkus workers: a Quarkus worker carries the alert's Vert.x
 * context, which keeps the OpenTelemetry context for every thread that shares it, and the
 * connector's thread put its own back there once it had handed the alert over, while the alert's
 * deliveries were being started: now and then a delivery lost its alert's trace and its webhook
 * request began a trace of its own.
 */
@ApplicationScoped
public class AlertsChannel {

    private final AlertLane webhooks;
    private final AlertLane emails;

    public AlertsChannel(AlertReader reader, AlertDispatcher dispatcher, DeliveryWorkers workers, NotifierConfig config) {
        int inFlight = config.delivery().alertsInFlight();
        LaneReads reads = new LaneReads(reader);
        this.webhooks = new AlertLane(Channel.WEBHOOK, reads, dispatcher, workers, inFlight);
        this.emails = new AlertLane(Channel.EMAIL, reads, dispatcher, workers, inFlight);
    }

    @Incoming(Channels.ALERTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> receive(Message<String> message) {
        return webhooks.receive(message, true);
    }

    @Incoming(Channels.EMAIL_ALERTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> receiveForEmail(Message<String> message) {
        return emails.receive(message, false);
    }

    void handOver(Channel channel, Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        lane(channel).handOver(consumer, partitions);
    }

    void forget(Channel channel, Collection<TopicPartition> partitions) {
        lane(channel).forget(partitions);
    }

    private AlertLane lane(Channel channel) {
        return channel == Channel.EMAIL ? emails : webhooks;
    }
}
