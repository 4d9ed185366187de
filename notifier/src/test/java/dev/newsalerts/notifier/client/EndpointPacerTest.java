package dev.newsalerts.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsalerts.notifier.app.ReceiverPacing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointPacerTest {

    private static final Duration SHORT_HOLD = Duration.ofSeconds(5);

    private final EndpointPacer pacer = new EndpointPacer(4, 20, List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30)));
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aReceiverThatNeverFailedTakesDeliveriesAtOnce() {
        assertThat(pacer.holdUntil("sub", now, SHORT_HOLD)).isEmpty();
    }

    @Test
    void afterAFailureDeliveriesArePutOffUntilTheCoolDownEnds() {
        Instant nextRetry = now.plusSeconds(300);
        pacer.failed("sub", now, nextRetry);

        assertThat(pacer.holdUntil("sub", now.plusSeconds(10), SHORT_HOLD)).contains(nextRetry);
        assertThat(pacer.holdUntil("other", now.plusSeconds(10), SHORT_HOLD)).as("another receiver").isEmpty();
    }

    @Test
    void whenTheCoolDownEndsOneDeliveryProbesAndTheOthersWaitForItsOutcome() {
        pacer.failed("sub", now, now.plusSeconds(5));
        Instant later = now.plusSeconds(6);

        assertThat(pacer.holdUntil("sub", later, SHORT_HOLD)).as("the probe").isEmpty();
        assertThat(pacer.holdUntil("sub", later, SHORT_HOLD)).contains(later.plus(SHORT_HOLD));
        pacer.succeeded("sub");
        assertThat(pacer.holdUntil("sub", later.plusSeconds(1), SHORT_HOLD)).isEmpty();
        assertThat(pacer.holdUntil("sub", later.plusSeconds(1), SHORT_HOLD)).isEmpty();
    }

    @Test
    void aProbeThatFailsStartsTheNextCoolDown() {
        pacer.failed("sub", now, now.plusSeconds(5));
        assertThat(pacer.holdUntil("sub", now.plusSeconds(6), SHORT_HOLD)).isEmpty();
        pacer.failed("sub", now.plusSeconds(16), now.plusSeconds(2_000));

        assertThat(pacer.holdUntil("sub", now.plusSeconds(20), SHORT_HOLD)).contains(now.plusSeconds(2_000));
    }

    @Test
    void aReceiverWhoseProbeFailsTooIsProbedOncePerSecondRetryStepUntilItAnswers() {
        pacer.failed("sub", now, now.plusSeconds(5));
        pacer.failed("sub", now.plusMillis(10), now.plusSeconds(5)); // an attempt already under way: the same cool-down
        assertThat(pacer.holdUntil("sub", now.plusSeconds(1), SHORT_HOLD)).contains(now.plusSeconds(5));

        assertThat(pacer.holdUntil("sub", now.plusSeconds(6), SHORT_HOLD)).as("the probe").isEmpty();
        // a fresh delivery's probe hangs until its timeout, then fails; its own retry would be due in 5 s
        pacer.failed("sub", now.plusSeconds(16), now.plusSeconds(21));
        assertThat(pacer.holdUntil("sub", now.plusSeconds(17), SHORT_HOLD)).as("down, not hiccuping")
                .contains(now.plusSeconds(16).plus(Duration.ofMinutes(5)));

        assertThat(pacer.holdUntil("sub", now.plusSeconds(317), SHORT_HOLD)).as("the next probe").isEmpty();
        pacer.succeeded("sub");
        pacer.failed("sub", now.plusSeconds(320), now.plusSeconds(325));
        assertThat(pacer.holdUntil("sub", now.plusSeconds(321), SHORT_HOLD)).as("after a success, a failure is a hiccup again")
                .contains(now.plusSeconds(325));
    }

    @Test
    void aProbeThatNeverReportsBackStopsHoldingTheOthersAfterThirtySeconds() {
        pacer.failed("sub", now, now.plusSeconds(5));
        assertThat(pacer.holdUntil("sub", now.plusSeconds(6), SHORT_HOLD)).isEmpty();

        assertThat(pacer.holdUntil("sub", now.plusSeconds(35), SHORT_HOLD)).isPresent();
        assertThat(pacer.holdUntil("sub", now.plusSeconds(37), SHORT_HOLD)).as("a new probe").isEmpty();
    }

    @Test
    void aReceiverThatIsMerelyBusyFreesSlotsAndIsNotTreatedAsCongested() throws InterruptedException {
        assertThat(pacer.acquire("sub", Duration.ZERO)).isTrue();
        pacer.release("sub");
        pacer.congested("sub", Instant.now());

        assertThat(pacer.holdUntil("sub", Instant.now(), SHORT_HOLD)).isEmpty();
    }

    @Test
    void deliveriesArrivingJustAfterTheSlotsStayedFullAreParkedForAShortWhile() {
        pacer.congested("sub", now);

        assertThat(pacer.holdUntil("sub", now.plusMillis(500), SHORT_HOLD)).contains(now.plusMillis(500).plus(SHORT_HOLD));
        assertThat(pacer.holdUntil("sub", now.plusMillis(1_500), SHORT_HOLD)).isEmpty();
    }

    @Test
    void aBurstOverTheRateGetsTurnsSpacedAtTheRateAndATurnTooFarAwayIsLeftForLater() {
        // 20 a second: a turn every 50 ms; within 200 ms, five turns are given (the first at once)
        for (int i = 0; i < 5; i++) {
            ReceiverPacing.Turn turn = pacer.nextTurn("sub", Duration.ofMillis(200));
            assertThat(turn.taken()).as("turn %d", i).isTrue();
            assertThat(turn.delay()).as("turn %d", i).isBetween(Duration.ofMillis(50L * i - 20), Duration.ofMillis(50L * i));
        }
        ReceiverPacing.Turn tooFar = pacer.nextTurn("sub", Duration.ofMillis(200));
        assertThat(tooFar.taken()).isFalse();
        assertThat(tooFar.delay()).isBetween(Duration.ofMillis(200), Duration.ofMillis(250));
        assertThat(pacer.nextTurn("sub", Duration.ofSeconds(1)).delay()).as("the turn left is still the next one")
                .isBetween(Duration.ofMillis(200), Duration.ofMillis(250));
        assertThat(pacer.nextTurn("other", Duration.ZERO).delay()).as("another receiver").isZero();
    }
}
