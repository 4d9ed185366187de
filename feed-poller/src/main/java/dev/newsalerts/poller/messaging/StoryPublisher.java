package dev.newsalerts.poller.messaging;

import dev.newsalerts.kafka.AcknowledgedSend;
import dev.newsalerts.poller.app.Stories;
import dev.newsalerts.poller.domain.Story;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes stories to {@code news.stories}, keyed by story id. */
@ApplicationScoped
public class StoryPublisher implements Stories {

    private final Emitter<Record<String, Story>> emitter;

    public StoryPublisher(@Channel(Channels.STORIES) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<Record<String, Story>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has acknowledged every story. Each story carries the current trace (the poll's). */
    @Override
    public CompletableFuture<Void> publish(List<Story> stories) {
        TracingMetadata trace = TracingMetadata.withCurrent(Context.current());
        return CompletableFuture.allOf(stories.stream().map(story -> send(story, trace)).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> send(Story story, TracingMetadata trace) {
        return AcknowledgedSend.send(emitter, Message.of(Record.of(story.storyId(), story)).addMetadata(trace));
    }
}
