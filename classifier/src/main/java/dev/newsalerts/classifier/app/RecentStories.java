package dev.newsalerts.classifier.app;

import dev.newsalerts.classifier.domain.StoryText;
import java.util.List;

/** The latest stories that arrived, which a back-test runs a candidate rule file over; the messaging side reads them. */
public interface RecentStories {

    /**
     * @return the last {@code count} readable stories, oldest first
     * @throws StoriesUnavailableException when they cannot be read now
     */
    List<StoryText> latest(int count);
}
