package dev.newsalerts.poller.app;

import dev.newsalerts.poller.domain.Story;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where new stories go: {@code news.stories}, keyed by story id (a port). */
public interface Stories {

    /** Completes once every story is stored. Each story carries the current trace (the poll's). */
    CompletableFuture<Void> publish(List<Story> stories);
}
