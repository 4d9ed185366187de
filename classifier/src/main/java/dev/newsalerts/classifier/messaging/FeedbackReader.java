package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.domain.Judgement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a {@code news.feedback} record into a {@link Judgement}, ignoring fields it does not know. An
 * unreadable record is counted ({@code classifier_feedback_unreadable_total}) and refused with a
 * reason that quotes none of its content (readers' stories stay out of the log).
 */
@ApplicationScoped
public class FeedbackReader {

    private final ObjectMapper mapper;
    private final Counter unreadable;

    public FeedbackReader(ObjectMapper mapper, MeterRegistry registry) {
        this.mapper = mapper;
        this.unreadable = Counter.builder("classifier.feedback.unreadable")
                .description("Records of news.feedback skipped because they are not readable judgements").register(registry);
    }

    /** @throws IllegalArgumentException when the value is not a readable judgement */
    public Judgement read(String value) {
        try {
            return mapper.readValue(value, Judgement.class);
        } catch (JsonProcessingException e) {
            unreadable.increment();
            throw new IllegalArgumentException("not a judgement: " + reason(e));
        }
    }

    private static String reason(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException) {
                return cause.getMessage(); // ours (Judgement, Verdict): names the field, not its content
            }
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return "not JSON";
        }
        return "a field has the wrong type";
    }
}
