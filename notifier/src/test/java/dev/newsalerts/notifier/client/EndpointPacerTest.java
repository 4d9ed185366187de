package dev.newsalerts.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsalerts.notifier.app.ReceiverPacing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EndpointPacerTest {

    private static final Duration SHORT_HOLD = Duration.ofSeconds(5);
    private static final Duration STALL = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofSeconds(2);

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
    void aReceiverThatIsMerelyBusyFreesSlotsAndIsNotTreatedAsCongested() {
        assertThat(pacer.slot("sub", STALL, LONGEST)).isCompletedWithValue(true);
        pacer.release("sub");
        pacer.congested("sub", Instant.now());

        assertThat(pacer.holdUntil("sub", Instant.now(), SHORT_HOLD)).isEmpty();
    }

    @Test
    void aDeliveryBeyondTheSlotsWaitsWithoutAThreadAndGetsTheFirstSlotFreed() {
        for (int i = 0; i < 4; i++) {
            assertThat(pacer.slot("sub", STALL, LONGEST)).as("slot %d", i).isCompletedWithValue(true);
        }
        CompletableFuture<Boolean> fifth = pacer.slot("sub", STALL, LONGEST);
        CompletableFuture<Boolean> sixth = pacer.slot("sub", STALL, LONGEST);
        assertThat(fifth).isNotDone();
        assertThat(pacer.slot("other", STALL, LONGEST)).as("another receiver's slots").isCompletedWithValue(true);

        pacer.release("sub");
        assertThat(fifth).as("first come, first served").isCompletedWithValue(true);
        assertThat(sixth).isNotDone();
        pacer.release("sub");
        assertThat(sixth).isCompletedWithValue(true);
    }

    @Test
    void aDeliveryWaitingForASlotIsGivenUpWhenTheReceiverFreesNoneForTheStall() {
        for (int i = 0; i < 4; i++) {
            pacer.slot("sub", STALL, LONGEST);
        }
        long start = System.nanoTime();
        CompletableFuture<Boolean> waiting = pacer.slot("sub", Duration.ofMillis(300), LONGEST);

        assertThat(waiting.join()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290), Duration.ofSeconds(2));
        pacer.release("sub");
        assertThat(pacer.slot("sub", STALL, LONGEST)).as("the slot freed is not lost to the one that gave up")
                .isCompletedWithValue(true);
    }

    @Test
    void deliveriesWaitingForSlotsStartNoThreadEach() {
        for (int i = 0; i < 4; i++) {
            pacer.slot("sub", STALL, LONGEST);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getTotalStartedThreadCount();
        List<CompletableFuture<Boolean>> waiting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waiting.add(pacer.slot("sub", Duration.ofMillis(100), LONGEST));
        }

        assertThat(waiting).allSatisfy(wait -> assertThat(wait.join()).isFalse());
        // a JDK timer without an executor of its own started a thread per check where the machine has two cores
        assertThat(threads.getTotalStartedThreadCount() - started).as("threads started by 200 waits").isLessThan(10);
    }

    @Test
    void aDeliveryKeepsWaitingWhileTheReceiverFreesSlotsUntilTheLongestWait() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            pacer.slot("sub", STALL, LONGEST);
        }
        List<CompletableFuture<Boolean>> ahead = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ahead.add(pacer.slot("sub", Duration.ofMillis(300), Duration.ofSeconds(5)));
        }
        CompletableFuture<Boolean> behind = pacer.slot("sub", Duration.ofMillis(300), Duration.ofMillis(900));
        for (int i = 0; i < 5; i++) { // the receiver answers one delivery each 200 ms: never a stall of 300 ms
            Thread.sleep(200);
            pacer.release("sub");
        }
        assertThat(ahead).as("each waited up to 800 ms while slots came free").allSatisfy(
                waiting -> assertThat(waiting).isCompletedWithValue(true));
        assertThat(behind.join()).as("its turn would have come after 1 s, past its longest wait").isFalse();
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
