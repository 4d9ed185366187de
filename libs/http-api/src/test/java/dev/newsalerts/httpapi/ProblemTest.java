package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemIsAnRfc9457DocumentThatKeepsTheDetailAsError() {
        Problem problem = Problem.of(Response.Status.CONFLICT, "feed already polled");

        assertThat(problem.body()).containsExactly(
                entry("type", "about:blank"), entry("title", "Conflict"), entry("status", 409),
                entry("detail", "feed already polled"), entry("error", "feed already polled"));
    }

    @Test
    void itIsAnsweredAsApplicationProblemJson() {
        WebApplicationException thrown = Problem.of(400, "limit: must be between 1 and 1000").exception();

        assertThat(thrown.getMessage()).isEqualTo("limit: must be between 1 and 1000");
        assertThat(thrown.getResponse().getStatus()).isEqualTo(400);
        assertThat(thrown.getResponse().getMediaType()).hasToString("application/problem+json");
        assertThat(thrown.getResponse().getEntity()).asInstanceOf(MAP).containsEntry("title", "Bad Request");
    }

    @Test
    void aStatusWithoutAReasonPhraseIsTitledByItsNumber() {
        assertThat(Problem.of(499, "x").title()).isEqualTo("HTTP 499");
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return Map.entry(key, value);
    }
}
