package dev.newsalerts.notifier.messaging;

import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each record of news.alerts is read by both lanes ({@link AlertsChannel}), in consumer groups of
 * their own. The first lane to reach a record reads it ({@link AlertReader}) and leaves the alert
 * here; the other takes it rather than parse the same text again (reading was an eighth of the
 * notifier's CPU at 1,000 stories/s, done twice). Up to {@link #HELD} alerts wait for the other
 * lane, the oldest dropped first: a lane that falls further behind, such as email while its mail
 * server is slow, reads for itself.
 */
final class LaneReads {

    static final int HELD = 4096;

    private final AlertReader reader;
    private final Map<AlertPosition, PublishedAlert> leftForTheOtherLane = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AlertPosition, PublishedAlert> eldest) {
            return size() > HELD;
        }
    };

    LaneReads(AlertReader reader) {
        this.reader = reader;
    }

    /**
     * @param position where the record sits, null when not known (then it is read, not shared)
     * @throws IllegalArgumentException as {@link AlertReader#read}
     */
    PublishedAlert read(String json, AlertPosition position) {
        if (position == null) {
            return reader.read(json, null);
        }
        PublishedAlert left;
        synchronized (leftForTheOtherLane) {
            left = leftForTheOtherLane.remove(position);
        }
        if (left != null && left.json().equals(json)) { // the same text: not a topic made anew since
            return left;
        }
        PublishedAlert alert = reader.read(json, position);
        synchronized (leftForTheOtherLane) {
            leftForTheOtherLane.put(position, alert);
        }
        return alert;
    }
}
