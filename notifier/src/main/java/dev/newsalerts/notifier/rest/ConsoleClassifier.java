package dev.newsalerts.notifier.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Calls the classifier's {@code POST /rules/backtest} for the console's "Try a rule" page
 * ({@code notifier.console.classifier-*}): one fixed URL, a timeout on connecting and on the whole
 * answer, no redirects, and a size cap on the answer. Sends the candidate and changes nothing.
 */
@ApplicationScoped
public class ConsoleClassifier {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Largest back-test answer taken: 4 lists of at most 500 stories, each with its reasons, stay well under it. */
    static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    /** The classifier's answer: its status and its JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    /** How asking the classifier failed. */
    public enum Failure { UNREACHABLE, TIMEOUT, BAD_ANSWER }

    /** Why the classifier could not be asked, in words for the console. */
    public static class Unavailable extends Exception {
        private final Failure failure;

        Unavailable(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final URI backtestUrl;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public ConsoleClassifier(NotifierConfig config, ObjectMapper mapper) {
        URI base = config.console().classifierUrl();
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        this.backtestUrl = base.resolve(path + "/rules/backtest");
        this.timeout = config.console().classifierTimeout();
        this.mapper = mapper;
        // a classifier that is down shows at once; a long back-test may still take the whole timeout
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI backtestUrl() {
        return backtestUrl;
    }

    /**
     * Back-tests a candidate over the last {@code last} stories.
     *
     * @return the classifier's answer when it is JSON: 200 with the report, or its 400 or 503 with {@code error}
     * @throws Unavailable when it cannot be reached, gives no answer in time, or answers something else
     */
    public Answer backtest(byte[] candidateYaml, int last) throws Unavailable {
        URI url = URI.create(backtestUrl + "?last=" + last);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/yaml").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(candidateYaml)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new Unavailable(Failure.UNREACHABLE, "classifier unreachable at " + backtestUrl + ": no connection within "
                    + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new Unavailable(Failure.TIMEOUT, "classifier at " + backtestUrl + " gave no answer within " + timeout.toSeconds()
                    + " s (notifier.console.classifier-timeout); try fewer stories");
        } catch (ConnectException e) {
            throw new Unavailable(Failure.UNREACHABLE, "classifier unreachable at " + backtestUrl + ": connection refused");
        } catch (IOException e) {
            throw new Unavailable(Failure.UNREACHABLE, "classifier unreachable at " + backtestUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(Failure.UNREACHABLE, "interrupted while asking the classifier");
        }
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new Unavailable(Failure.BAD_ANSWER, "classifier at " + backtestUrl + " answered more than " + MAX_ANSWER_BYTES + " bytes");
            }
            int status = response.statusCode();
            JsonNode json = bytes.length == 0 ? null : mapper.readTree(bytes);
            if (status == 200 && json != null && json.isObject()) {
                return new Answer(status, json);
            }
            if ((status == 400 || status == 503) && json != null && json.path("error").isTextual()) {
                return new Answer(status, json);
            }
            throw new Unavailable(Failure.BAD_ANSWER, "classifier at " + backtestUrl + " answered HTTP " + status);
        } catch (JsonProcessingException e) {
            throw new Unavailable(Failure.BAD_ANSWER, "classifier at " + backtestUrl + " answered HTTP " + response.statusCode()
                    + " with something that is not JSON");
        } catch (IOException e) {
            throw new Unavailable(Failure.UNREACHABLE, "classifier unreachable at " + backtestUrl + ": " + e);
        }
    }
}
