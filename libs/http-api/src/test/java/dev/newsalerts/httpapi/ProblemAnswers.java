package dev.newsalerts.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** For the services' tests (this module's test jar): what an error answer must be, and JSON too deep to read. */
public final class ProblemAnswers {

    public static final String PROBLEM = "application/problem+json";

    private ProblemAnswers() {
    }

    /** A problem document of this status whose detail, and error, contain this text. */
    public static ResponseSpecification problem(int status, String detail) {
        return new ResponseSpecBuilder().expectStatusCode(status).expectContentType(PROBLEM)
                .expectBody("status", equalTo(status)).expectBody("type", equalTo("about:blank"))
                .expectBody("detail", containsString(detail)).expectBody("error", containsString(detail)).build();
    }

    /**
     * Posts objects nested 1,000 and 100,000 deep under an unknown member {@code x} next to the given members, and
     * asserts each is refused naming the limit. Sent around REST Assured, whose log of a failed request would
     * pretty-print such a body out of memory.
     *
     * @param members the JSON members of a request that would be taken, such as {@code "title":"x"}
     * @param headers header names and values, as {@link HttpRequest.Builder#headers(String...)} takes them
     */
    public static void assertJsonTooDeepIsRefused(URI endpoint, String members, String... headers)
            throws IOException, InterruptedException {
        for (int depth : new int[] {1_000, 100_000}) {
            String body = "{" + members + ",\"x\":" + "{\"x\":".repeat(depth) + "1" + "}".repeat(depth + 1);
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(answer.body()).contains("\"detail\":\"the request body has JSON nested deeper than 200 levels\"");
        }
    }
}
