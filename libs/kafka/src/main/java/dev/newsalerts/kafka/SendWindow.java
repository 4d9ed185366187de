package dev.newsalerts.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Lets a channel read on while the records it sent wait for the broker, up to a number of them:
 * one broker round trip per record, in series, caps a reader at a few hundred records a second.
 * Each record is still acknowledged only once what it sent is on the broker, and the connector
 * commits an offset only when every record before it is acknowledged, so nothing is lost on a
 * crash. Used by one reading thread at a time (a channel's), as SmallRye calls an incoming method.
 */
public final class SendWindow {

    private static final CompletableFuture<Void> ROOM = CompletableFuture.completedFuture(null);

    private final int size;
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private final AtomicReference<CompletableFuture<Void>> roomMade = new AtomicReference<>();

    /** @param size the sends that may await the broker at once */
    public SendWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a send window holds at least one send, not " + size);
        }
        this.size = size;
    }

    /**
     * Counts {@code send} as awaiting the broker until it completes.
     *
     * @return completes when the reader may go on: at once, unless the window is full
     */
    public CompletionStage<Void> add(CompletionStage<?> send) {
        unacknowledged.incrementAndGet();
        send.whenComplete((done, failure) -> {
            unacknowledged.decrementAndGet();
            CompletableFuture<Void> waiting = roomMade.getAndSet(null);
            if (waiting != null) {
                waiting.complete(null);
            }
        });
        if (unacknowledged.get() < size) {
            return ROOM;
        }
        CompletableFuture<Void> room = new CompletableFuture<>();
        roomMade.set(room);
        if (unacknowledged.get() < size) { // a send completed between the two looks
            room.complete(null);
        }
        return room;
    }

    /**
     * Acknowledges {@code message} once {@code send} is on the broker (or nacks it with the reason it
     * was not), counting the send meanwhile: what an incoming method returns.
     *
     * @return completes when the reader may go on ({@link #add})
     */
    public CompletionStage<Void> acknowledgeWhenSent(Message<?> message, CompletionStage<?> send) {
        send.whenComplete((done, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure);
            }
        });
        return add(send);
    }

    /** The sends awaiting the broker now. */
    public int unacknowledged() {
        return unacknowledged.get();
    }
}
