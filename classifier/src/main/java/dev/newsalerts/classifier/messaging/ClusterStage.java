package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.classifier.config.ClassifierConfig;
import dev.newsalerts.classifier.domain.cluster.AlertCluster;
import dev.newsalerts.classifier.domain.cluster.ClusterCandidate;
import dev.newsalerts.classifier.domain.cluster.ClusterMember;
import dev.newsalerts.kafka.AcknowledgedSend;
import dev.newsalerts.kafka.KafkaTraceContext;
import dev.newsalerts.kafka.SendWindow;
import dev.newsalerts.kafka.Topics;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Gives each alert its cluster, then publishes it on {@code news.alerts}. The alerts come from
 * {@code news.matches}, which has one partition: one instance at a time places them, in the order
 * they were classified, so two copies of one event never both start a cluster. Each story's place
 * is on the broker ({@link ClusterTable}) before its alert, and a match is acknowledged only once
 * its alert is there too: after a crash, a replayed match gets the place it had.
 */
@ApplicationScoped
public class ClusterStage {

    /** The alert schema version that has {@code cluster}. */
    static final int CLUSTERED_SCHEMA_VERSION = 2;
    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final ClusterTable clusters;
    private final Emitter<Record<String, JsonNode>> alerts;
    private final ObjectMapper mapper;
    private final OpenTelemetry openTelemetry;
    private final SendWindow window;

    public ClusterStage(ClusterTable clusters,
            @Channel(Channels.ALERTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<Record<String, JsonNode>> alerts, ObjectMapper mapper, OpenTelemetry openTelemetry, ClassifierConfig config) {
        this.clusters = clusters;
        this.alerts = alerts;
        this.mapper = mapper;
        this.openTelemetry = openTelemetry;
        this.window = new SendWindow(Math.min(config.unacknowledgedAlerts(), 1024));
    }

    @Incoming(Channels.MATCHES)
    public CompletionStage<Void> cluster(Message<String> message) {
        ObjectNode alert;
        try {
            alert = readAlert(message.getPayload());
        } catch (InvalidMatchException e) {
            return message.nack(e);
        }
        awaitClusters();
        ClusterMember member = clusters.place(candidate(alert));
        withCluster(alert, member.forAlert(), mapper);
        CompletableFuture<Void> published = clusters.keep(member).thenCompose(kept -> publish(member.storyId(), alert, message));
        return window.acknowledgeWhenSent(message, published);
    }

    /** The alert as published: schema version 2, with its cluster. */
    static ObjectNode withCluster(ObjectNode alert, AlertCluster cluster, ObjectMapper mapper) {
        alert.put("schemaVersion", CLUSTERED_SCHEMA_VERSION);
        alert.set("cluster", mapper.valueToTree(cluster));
        return alert;
    }

    private ObjectNode readAlert(String json) {
        try {
            JsonNode alert = json == null ? null : mapper.readTree(json);
            if (alert instanceof ObjectNode object && alert.path("story").path("storyId").isTextual()
                    && alert.path("matches").isArray()) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidMatchException("not an alert: " + e.getOriginalMessage());
        }
        throw new InvalidMatchException("not an alert: it needs story.storyId and matches");
    }

    private static ClusterCandidate candidate(JsonNode alert) {
        JsonNode story = alert.path("story");
        Set<String> rules = new LinkedHashSet<>();
        alert.path("matches").forEach(match -> rules.add(match.path("ruleId").asText()));
        return new ClusterCandidate(story.path("storyId").asText(), text(story, "title"), text(story, "summary"),
                text(story, "link"), text(story, "feedUrl"), rules);
    }

    private static String text(JsonNode story, String field) {
        return story.path(field).isTextual() ? story.path(field).asText() : null;
    }

    /** At start-up, the clusters already in the topic are read before the first story is placed. */
    private void awaitClusters() {
        try {
            while (!clusters.awaitLoaded(LOAD_WAIT)) {
                Log.warnf("Still reading %s; alerts wait until the clusters so far are known", Topics.CLUSTERS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + Topics.CLUSTERS, e);
        }
    }

    private CompletableFuture<Void> publish(String storyId, JsonNode alert, Message<String> match) {
        Headers headers = match.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getHeaders)
                .orElseGet(RecordHeaders::new);
        return AcknowledgedSend.send(alerts, Message.of(Record.of(storyId, alert))
                .addMetadata(TracingMetadata.withCurrent(KafkaTraceContext.of(openTelemetry, headers))));
    }
}
