package dev.newsalerts.classifier.domain.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The labeled coverage in {@code src/test/resources/clusters/}: events, each told by several stories. Each
 * story gets a time: the events start 40 minutes apart and an event's versions follow every two hours,
 * so versions of different events interleave and everything falls within one 72-hour window.
 */
record LabeledCoverage(List<Event> events) {

    static final Instant START = Instant.parse("2026-11-02T06:00:00Z");

    record Event(String id, String lang, List<Version> stories) {
    }

    record Version(String title, String lead) {
    }

    /** One story of the set: its own id, the event it reports, its language, its time. */
    record Story(String id, String event, String lang, String title, String lead, Instant at) {
    }

    static LabeledCoverage read(String resource) {
        try (InputStream in = LabeledCoverage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, LabeledCoverage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All stories in time order. */
    List<Story> storiesInTimeOrder() {
        List<Story> stories = new ArrayList<>();
        for (int e = 0; e < events.size(); e++) {
            Event event = events.get(e);
            for (int v = 0; v < event.stories().size(); v++) {
                Version version = event.stories().get(v);
                Instant at = START.plus(Duration.ofMinutes(40L * e)).plus(Duration.ofHours(2L * v));
                stories.add(new Story(event.id() + "#" + (v + 1), event.id(), event.lang(), version.title(), version.lead(), at));
            }
        }
        stories.sort(Comparator.comparing(Story::at).thenComparing(Story::id));
        return stories;
    }
}
