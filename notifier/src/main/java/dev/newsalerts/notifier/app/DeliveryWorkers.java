package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads deliveries block on (HTTP, SMTP, waiting for Kafka). Plain threads on purpose: a
 * Quarkus worker can carry a Vert.x context from the code that submitted the task, and the blocking
 * mailer then waits on a reply that context's own thread should run: a deadlock until the SMTP
 * server times out.
 */
@ApplicationScoped
public class DeliveryWorkers implements Executor {

    private final ThreadPoolExecutor pool;

    public DeliveryWorkers(NotifierConfig config) {
        AtomicInteger count = new AtomicInteger();
        int threads = config.delivery().threads();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
