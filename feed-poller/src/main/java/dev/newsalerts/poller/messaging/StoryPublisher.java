package dev.newsalerts.poller.messaging;

import dev.newsalerts.poller.domain.Story;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes stories to {@code news.stories}, keyed by story id. */
@ApplicationScoped
public class StoryPublisher {

    private final Emitter<Record<String, Story>> emitter;

    public StoryPublisher(@Channel(Topics.STORIES_CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<Record<String, Story>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has acknowledged every story. */
    public CompletableFuture<Void> publish(List<Story> stories) {
        return CompletableFuture.allOf(stories.stream()
                .map(story -> emitter.send(Record.of(story.storyId(), story)).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }
}
