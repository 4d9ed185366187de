package dev.newsalerts.notifier;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for the classifier's {@code POST /rules/backtest} on loopback (the real one is another
 * service): it answers a back-test shaped as the classifier's {@code Backtest} (recorded from one,
 * with a hostile story title), or the 400 of an invalid candidate; {@link #down()} closes its port.
 * It keeps the last request's body and query.
 */
public class ClassifierStub implements QuarkusTestResourceLifecycleManager {

    public enum Answer { REPORT, INVALID, NOT_JSON }

    public static final String HOSTILE_TITLE = "Microsoft sues OpenAI <img src=x onerror=alert('title')> over the deal";
    public static final String STOPPED_TITLE = "Morning briefing <script>alert('stop')</script>";
    public static final String INVALID_MESSAGE = "candidate line 2: rule 'r': unknown group 'nowhere'";

    public static volatile Answer answer = Answer.REPORT;
    public static volatile String lastBody;
    public static volatile String lastQuery;
    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        up();
        return Map.of("notifier.console.classifier-url", "http://127.0.0.1:" + port,
                "notifier.console.classifier-timeout", "5s");
    }

    /** Listening (again, on the same port). */
    public static synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/rules/backtest", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                lastBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            lastQuery = exchange.getRequestURI().getRawQuery();
            Answer now = answer;
            byte[] body = switch (now) {
                case REPORT -> report().getBytes(StandardCharsets.UTF_8);
                case INVALID -> ("{\"error\": \"" + INVALID_MESSAGE + "\"}").getBytes(StandardCharsets.UTF_8);
                case NOT_JSON -> "<html>proxy error</html>".getBytes(StandardCharsets.UTF_8);
            };
            exchange.getResponseHeaders().add("Content-Type", now == Answer.NOT_JSON ? "text/html" : "application/json");
            exchange.sendResponseHeaders(switch (now) {
                case REPORT -> 200;
                case INVALID -> 400;
                case NOT_JSON -> 500;
            }, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Port closed: connections are refused. */
    public static synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static String url() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A back-test of one rule pasted alone ({@code dispute}, wanting its groups in one sentence): the
     * suit story would start alerting (the sentence decided), the digest would stop (the rule in force
     * fired on terms spread over the story).
     */
    private static String report() {
        String title = HOSTILE_TITLE;
        String added = """
                {"storyId": "s-suit", "title": "%s", "link": "https://news.example.com/suit",
                 "before": [], "after": ["dispute"],
                 "why": [{"ruleId": "dispute", "ruleTitle": "Microsoft–OpenAI dispute", "score": 1.0, "scope": "sentence",
                   "passage": {"field": "title", "start": 0, "end": %d, "toEnd": true, "text": "%s",
                     "marks": [{"start": 0, "end": 9, "term": "Microsoft", "group": "microsoft"},
                               {"start": 10, "end": 14, "term": "sue~", "group": "dispute"},
                               {"start": 15, "end": 21, "term": "OpenAI", "group": "openai"}]},
                   "excerpts": [],
                   "terms": [{"term": "Microsoft", "group": "microsoft", "field": "title", "start": 0, "end": 9, "text": "Microsoft"},
                             {"term": "sue~", "group": "dispute", "field": "title", "start": 10, "end": 14, "text": "sues"},
                             {"term": "OpenAI", "group": "openai", "field": "title", "start": 15, "end": 21, "text": "OpenAI"}]}]}
                """.formatted(title, HOSTILE_TITLE.length(), title);
        String stopped = """
                {"storyId": "s-digest", "title": "%s", "link": "javascript:alert('link')",
                 "before": ["dispute"], "after": [], "why": [],
                 "whyBefore": [{"ruleId": "dispute", "ruleTitle": "Microsoft–OpenAI dispute", "score": 1.0, "scope": "story",
                   "excerpts": [{"field": "summary", "start": 0, "end": 58, "toEnd": false,
                     "text": "Microsoft reports record revenue. OpenAI launches a model.",
                     "marks": [{"start": 0, "end": 9, "term": "Microsoft", "group": "microsoft"},
                               {"start": 34, "end": 40, "term": "OpenAI", "group": "openai"}]}],
                   "terms": [{"term": "Microsoft", "group": "microsoft", "field": "summary", "start": 0, "end": 9, "text": "Microsoft"},
                             {"term": "OpenAI", "group": "openai", "field": "summary", "start": 34, "end": 40, "text": "OpenAI"}]}]}
                """.formatted(STOPPED_TITLE);
        return """
                {"rulesInForce": "1a2b3c4d5e6f", "candidateVersion": "6f5e4d3c2b1a", "storiesScanned": 1000,
                 "alertsInForce": 7, "alertsCandidate": 7, "candidateRules": ["dispute"],
                 "added": [%s], "removed": [%s], "changed": [], "wouldAlert": [%s]}
                """.formatted(added, stopped, added);
    }

    @Override
    public void stop() {
        down();
    }
}
