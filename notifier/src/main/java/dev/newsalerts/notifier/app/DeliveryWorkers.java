package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Channel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads deliveries block on (HTTP, SMTP, waiting for Kafka). Email has a pool of its own, so
 * that a slow or dead mail server never takes the threads webhooks need. Plain threads on purpose:
 * a Quarkus worker can carry a Vert.x context from the code that submitted the task, and the
 * blocking mailer then waits on a reply that context's own thread should run: a deadlock until the
 * SMTP server times out. The same threads take each alert from its lane and start its deliveries
 * ({@code AlertsChannel}), where a Quarkus worker would also share its trace with the connector.
 */
@ApplicationScoped
public class DeliveryWorkers implements Executor {

    private final ThreadPoolExecutor pool;
    private final ThreadPoolExecutor retryPool;
    private final ThreadPoolExecutor emailPool;

    public DeliveryWorkers(NotifierConfig config) {
        pool = threads("delivery-", config.delivery().threads());
        retryPool = threads("retry-", config.delivery().threads());
        emailPool = threads("email-", config.delivery().emailThreads());
    }

    private static ThreadPoolExecutor threads(String prefix, int count) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(count, count, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, prefix + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** The threads that send over {@code channel}: the email threads, or {@code others} for webhooks. */
    public Executor sending(Channel channel, Executor others) {
        return channel == Channel.EMAIL ? emailPool : others;
    }

    /**
     * The threads of parked deliveries coming back (their next attempts, or parking them again): apart
     * from the first attempts', so that a backlog of a broken receiver's deliveries coming due at once
     * never delays the first attempts to the others.
     */
    public Executor retrying() {
        return retryPool;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        retryPool.shutdownNow();
        emailPool.shutdownNow();
    }
}
