package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import org.junit.jupiter.api.Test;

/** A record of news.alerts is parsed by the first of the two lanes to reach it, not by both. */
class LaneReadsTest {

    private final LaneReads reads = new LaneReads(new AlertReader(new ObjectMapper().registerModule(new JavaTimeModule())));

    @Test
    void theSecondLaneTakesTheAlertTheFirstRead() {
        String json = TestAlerts.alert("A story").toString();
        AlertPosition position = new AlertPosition(0, 7);

        PublishedAlert webhooks = reads.read(json, position);
        PublishedAlert email = reads.read(json, position);

        assertThat(email).as("not parsed again").isSameAs(webhooks);
        assertThat(email.view().story().title()).isEqualTo("A story");
        assertThat(email.position()).isEqualTo(position);
        assertThat(reads.read(json, position)).as("taken once: a third read (a lane re-reading) parses afresh")
                .isNotSameAs(webhooks).isEqualTo(webhooks);
    }

    @Test
    void anotherTextAtTheSamePositionIsReadAfresh() {
        AlertPosition position = new AlertPosition(0, 7);
        reads.read(TestAlerts.alert("Before the topic was made anew").toString(), position);

        PublishedAlert other = reads.read(TestAlerts.alert("After").toString(), position);

        assertThat(other.view().story().title()).isEqualTo("After");
    }

    @Test
    void aLaneFarBehindReadsForItself() {
        String first = TestAlerts.alert("The oldest").toString();
        PublishedAlert read = reads.read(first, new AlertPosition(0, 0));
        for (int offset = 1; offset <= LaneReads.HELD; offset++) {
            reads.read(TestAlerts.alert("Story " + offset).toString(), new AlertPosition(0, offset));
        }

        PublishedAlert late = reads.read(first, new AlertPosition(0, 0));

        assertThat(late).as("dropped for newer ones, read again").isNotSameAs(read);
        assertThat(late.view().story().title()).isEqualTo("The oldest");
    }

    @Test
    void whatIsNotAnAlertIsRefusedToEachLane() {
        AlertPosition position = new AlertPosition(1, 3);

        assertThatThrownBy(() -> reads.read("{\"alertId\": ", position)).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> reads.read("{\"alertId\": ", position)).hasMessageStartingWith("not JSON");
    }
}
