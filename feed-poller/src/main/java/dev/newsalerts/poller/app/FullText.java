package dev.newsalerts.poller.app;

import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.domain.ArticleOutcome;
import dev.newsalerts.poller.domain.ArticleText;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.Story;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives the new stories of a {@code fullText} feed the main text of their article pages, as their
 * {@code content}. Pages are fetched through {@link ArticlePages} (the guarded client), at most
 * {@code poller.full-text.fetches-per-feed} at a time, each counting against the {@link HostLimiter};
 * pages on the feed's own host are fetched one at a time under the permit its poll already holds. The
 * whole is bounded by {@code poller.full-text.poll-deadline}: a page not read by then is given up. A
 * page that cannot be read never holds its story back: the story goes on without {@code content}, and
 * the outcome says why.
 */
@ApplicationScoped
public class FullText {

    private final ArticlePages pages;
    private final HostLimiter hosts;
    private final PollerConfig.FullText config;
    private final MeterRegistry metrics;
    private final ExecutorService executor;

    @Inject
    public FullText(ArticlePages pages, HostLimiter hosts, PollerConfig config, MeterRegistry metrics) {
        this(pages, hosts, config.fullText(), metrics);
    }

    public FullText(ArticlePages pages, HostLimiter hosts, PollerConfig.FullText config, MeterRegistry metrics) {
        this.pages = pages;
        this.hosts = hosts;
        this.config = config;
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "full-text-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The stories, with their content, and what became of each article page asked for. */
    public record Read(List<Story> stories, List<ArticleOutcome> outcomes) {
    }

    /**
     * {@code stories} (new ones of {@code feed}, in their order) with the text of their article pages when
     * {@code feed} is {@code fullText}; unchanged otherwise.
     *
     * @param holdsFeedHost whether the caller holds a {@link HostLimiter} permit of the feed's host (a poll does)
     */
    public Read read(FeedSource feed, List<Story> stories, boolean holdsFeedHost) {
        if (!feed.fullText() || stories.isEmpty()) {
            return new Read(stories, List.of());
        }
        long deadline = System.nanoTime() + config.pollDeadline().toNanos();
        Semaphore perFeed = new Semaphore(config.fetchesPerFeed());
        Semaphore ownHost = new Semaphore(1);
        List<Future<ArticleOutcome>> reads = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        for (Story story : stories) {
            String[] text = new String[1];
            texts.add(text);
            if (story.link() == null) {
                reads.add(null);
                continue;
            }
            if (!acquire(perFeed, deadline)) {
                reads.add(null);
                continue;
            }
            reads.add(executor.submit(() -> {
                try {
                    return readOne(story.link(), feed.host(), holdsFeedHost ? ownHost : null, deadline, text);
                } finally {
                    perFeed.release();
                }
            }));
        }
        List<Story> result = new ArrayList<>();
        List<ArticleOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            Story story = stories.get(i);
            if (story.link() == null) {
                result.add(story);
                continue;
            }
            ArticleOutcome outcome = await(reads.get(i), story.link(), deadline);
            outcomes.add(outcome);
            count(outcome);
            String text = texts.get(i)[0];
            result.add(outcome.wasRead() && text != null ? story.withContent(text) : story);
        }
        long failed = outcomes.stream().filter(outcome -> !outcome.wasRead()).count();
        if (failed > 0) {
            Log.infof("Feed %s: %d of %d article pages could not be read; their stories go out without content",
                    feed.url(), failed, outcomes.size());
        }
        return new Read(result, outcomes);
    }

    private ArticleOutcome readOne(String url, String feedHost, Semaphore ownHost, long deadline, String[] text) {
        String host = host(url);
        Semaphore own = ownHost != null && host.equals(feedHost) ? ownHost : null;
        try {
            boolean allowed = own != null ? acquire(own, deadline) : hosts.tryAcquire(host, remaining(deadline));
            if (!allowed) {
                return ArticleOutcome.failed(url, "host_busy", "no fetch from " + host + " was free before the poll's deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return deadlinePassed(url);
        }
        try {
            FetchResult page = pages.fetch(url);
            if (!ArticleText.isHtml(page.contentType())) {
                return ArticleOutcome.failed(url, "not_html", "not an HTML page (" + page.contentType() + ")");
            }
            Optional<String> main = ArticleText.of(page.body(), page.contentType(), config.maxChars());
            if (main.isEmpty()) {
                return ArticleOutcome.failed(url, "no_text", "no article text found on the page");
            }
            text[0] = main.get();
            return ArticleOutcome.read(url);
        } catch (FetchException e) {
            Log.debugf("Article %s could not be fetched: %s", url, e.getMessage());
            return ArticleOutcome.failed(url, e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            Log.debugf(e, "Article %s could not be read", url);
            return ArticleOutcome.failed(url, "unexpected", e.toString());
        } finally {
            if (own != null) {
                own.release();
            } else {
                hosts.release(host);
            }
        }
    }

    private ArticleOutcome await(Future<ArticleOutcome> read, String url, long deadline) {
        if (read == null) {
            return deadlinePassed(url);
        }
        try {
            return read.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            return deadlinePassed(url);
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            return deadlinePassed(url);
        } catch (ExecutionException e) {
            return ArticleOutcome.failed(url, "unexpected", String.valueOf(e.getCause()));
        }
    }

    private ArticleOutcome deadlinePassed(String url) {
        return ArticleOutcome.failed(url, "deadline",
                "not read within the poll's deadline of " + config.pollDeadline().toSeconds() + " s");
    }

    private static boolean acquire(Semaphore semaphore, long deadline) {
        try {
            return semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private void count(ArticleOutcome outcome) {
        metrics.counter("poller.full-text.articles", "outcome", outcome.wasRead() ? "ok" : "error",
                "reason", outcome.wasRead() ? "none" : outcome.reason()).increment();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
