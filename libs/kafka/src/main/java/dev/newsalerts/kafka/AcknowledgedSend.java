package dev.newsalerts.kafka;

import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends a message that carries metadata (a key, headers, a trace) through an {@link Emitter} and
 * tells when the broker has it: {@code Emitter.send(Message)} itself returns nothing.
 */
public final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    /** @return completes once the broker has the message, or with the reason it was refused */
    public static <T> CompletableFuture<Void> send(Emitter<T> emitter, Message<? extends T> message) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        emitter.send(message.withAck(() -> {
            acknowledged.complete(null);
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            acknowledged.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acknowledged;
    }
}
