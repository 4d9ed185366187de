package dev.newsalerts.kafka;

import java.time.Duration;

/** What a {@link DelayQueue} was built with, fixed once it is. */
record DelayQueueSettings<T>(
        DelayQueueBuilder.Subscription topics,
        DelayQueue.Decoder<T> decoder,
        DelayQueue.DueTime<T> dueTime,
        DelayQueue.Handler<T> handler,
        DelayQueue.Unreadable unreadable,
        DelayQueueBuilder.Preparation preparation,
        int maxInFlight,
        Duration handoverWait,
        Duration restartDelay,
        Duration longestPoll,
        Duration backlogEvery) {
}
