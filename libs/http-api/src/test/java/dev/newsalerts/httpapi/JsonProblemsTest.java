package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonProblemsTest {

    enum Channel { @JsonProperty("webhook") WEBHOOK, @JsonProperty("email") EMAIL }

    record Target(String url) {
    }

    record Request(String name, Channel channel, Double minScore, int limit, List<String> rules, Target target) {
    }

    private static final ObjectMapper MAPPER = mapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown enum value | {\"channel\": \"pigeon\"} | channel: expected one of [email, webhook], not \"pigeon\"",
            "text for a number | {\"minScore\": \"high\"} | minScore: expected a number, not \"high\"",
            "fraction for a whole number | {\"limit\": 1.5} | limit: expected a whole number",
            "array for a string | {\"name\": [\"a\"]} | name: expected a string, not an array",
            "object for a list | {\"rules\": {}} | rules: expected an array, not an object",
            "object in a list | {\"rules\": [\"a\", {}]} | rules[1]: expected a string, not an object",
            "array for an object | [] | the request body: expected an object, not an array",
            "nested field | {\"target\": {\"url\": []}} | target.url: expected a string, not an array",
            "malformed | {\"name\": | the request body is not valid JSON: ",
    })
    void aBodyJacksonCannotReadIsDescribedByFieldAndWhatWasExpected(String what, String json, String detail) {
        assertThat(JsonProblems.detail(failure(json))).startsWith(detail);
    }

    @Test
    void jsonNestedBeyondTheLimitIsRefusedByTheParserNamingTheLimit() {
        String deep = "{\"x\":".repeat(100_000) + "1" + "}".repeat(100_000);

        assertThat(JsonProblems.detail(failure(deep)))
                .isEqualTo("the request body has JSON nested deeper than 200 levels");
    }

    private static JsonProcessingException failure(String json) {
        return catchThrowableOfType(JsonProcessingException.class, () -> MAPPER.readValue(json, Request.class));
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonLimits().customize(mapper);
        return mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    }
}
