package dev.newsalerts.notifier.rest;

import dev.newsalerts.notifier.domain.Feedback;
import java.time.Instant;

/** The verdict on an alert as the API shows it: what was said, how and when (not which subscription). */
public record FeedbackView(String alertId, String verdict, String via, Instant judgedAt) {

    static FeedbackView of(Feedback feedback) {
        return new FeedbackView(feedback.alertId(), feedback.verdict().text(), feedback.via().text(), feedback.judgedAt());
    }
}
