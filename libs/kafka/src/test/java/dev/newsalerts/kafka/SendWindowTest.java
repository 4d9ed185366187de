package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    void theReaderGoesOnUntilTheWindowIsFullAndThenUntilASendIsAcknowledged() {
        SendWindow window = new SendWindow(3);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        List<CompletableFuture<Void>> goOn = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sends.add(new CompletableFuture<>());
            goOn.add(window.add(sends.get(i)).toCompletableFuture());
        }

        assertThat(goOn.subList(0, 2)).allMatch(CompletableFuture::isDone);
        assertThat(goOn.get(2)).as("the third send fills the window").isNotDone();
        sends.get(1).completeExceptionally(new IllegalStateException("refused")); // a refusal frees its place too
        assertThat(goOn.get(2)).isDone();
        assertThat(window.unacknowledged()).isEqualTo(2);
    }

    @Test
    void aSendAcknowledgedBeforeItIsAddedTakesNoPlace() {
        SendWindow window = new SendWindow(1);
        assertThat(window.add(CompletableFuture.completedFuture(null)).toCompletableFuture()).isDone();
        assertThat(window.unacknowledged()).isZero();
    }

    @Test
    void aMessageIsAcknowledgedOnlyOnceItsSendIsOnTheBrokerAndNackedWithTheReasonWhenRefused() {
        SendWindow window = new SendWindow(4);
        List<String> outcomes = new ArrayList<>();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        CompletableFuture<Void> refused = new CompletableFuture<>();

        window.acknowledgeWhenSent(message("a", outcomes), sent);
        window.acknowledgeWhenSent(message("b", outcomes), refused);
        assertThat(outcomes).as("nothing before the broker answers").isEmpty();
        assertThat(window.unacknowledged()).isEqualTo(2);

        refused.completeExceptionally(new IllegalStateException("record too large"));
        sent.complete(null);

        assertThat(outcomes).containsExactly("b nacked: record too large", "a acked");
        assertThat(window.unacknowledged()).isZero();
    }

    private static Message<String> message(String name, List<String> outcomes) {
        return Message.of(name).withAck(() -> {
            outcomes.add(name + " acked");
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            outcomes.add(name + " nacked: " + failure.getMessage());
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void aWindowHoldsAtLeastOneSend() {
        assertThatThrownBy(() -> new SendWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
