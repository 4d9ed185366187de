package dev.newsalerts.notifier.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven over the Chrome DevTools protocol with the JDK's own
 * WebSocket client: no WebDriver and no browser download. One page; it records the dialogs the
 * page opens (there should be none), its uncaught exceptions and the URLs it requests.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final Process process;
    private final Path userDataDir;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> exceptions = new CopyOnWriteArrayList<>();
    private final List<String> requestedUrls = new CopyOnWriteArrayList<>();

    /** The chromium executable, when one is installed. */
    static Optional<Path> executable() {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static HeadlessChromium start(Path logFile) throws IOException, InterruptedException {
        return new HeadlessChromium(executable().orElseThrow(), logFile);
    }

    private HeadlessChromium(Path executable, Path logFile) throws IOException, InterruptedException {
        userDataDir = Files.createTempDirectory("console-test-chromium");
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=1400,1000", "about:blank")
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        Path portFile = userDataDir.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("chromium did not start its DevTools endpoint; see " + logFile);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String pageSocket = Stream.of(MAPPER.treeToValue(targets, JsonNode[].class))
                .filter(target -> "page".equals(target.path("type").asText()))
                .map(target -> target.get("webSocketDebuggerUrl").asText()).findFirst().orElseThrow();
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).join();
        call("Page.enable", Map.of());
        call("Runtime.enable", Map.of());
        call("Network.enable", Map.of());
    }

    /** Opens a URL and waits for its load event. */
    void open(String url) {
        call("Page.navigate", Map.of("url", url));
        awaitTrue("document.readyState === 'complete' && location.href === " + MAPPER.valueToTree(url));
    }

    /** A JavaScript expression's value (strings, numbers, booleans; null for undefined). */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    String text(String selector) {
        return evaluate("(document.querySelector(" + MAPPER.valueToTree(selector) + ") || {innerText: ''}).innerText").asText();
    }

    /** Types into the element a selector names, the way a keyboard would, then presses Enter. */
    void typeAndPressEnter(String selector, String text) {
        evaluate("document.querySelector(" + MAPPER.valueToTree(selector) + ").focus()");
        call("Input.insertText", Map.of("text", text));
        for (String type : List.of("keyDown", "keyUp")) {
            call("Input.dispatchKeyEvent", Map.of("type", type, "key", "Enter", "code", "Enter",
                    "windowsVirtualKeyCode", 13, "text", "\r"));
        }
    }

    /** A PNG of the whole page. */
    byte[] screenshot() {
        return Base64.getDecoder().decode(call("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true)).get("data").asText());
    }

    List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    List<String> exceptions() {
        return List.copyOf(exceptions);
    }

    List<String> requestedUrls() {
        return List.copyOf(requestedUrls);
    }

    private void awaitTrue(String expression) {
        Instant deadline = Instant.now().plus(CALL_TIMEOUT);
        while (!evaluate(expression).asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + expression);
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonNode call(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        ObjectNode message = MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", MAPPER.valueToTree(params));
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode response = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.get("error"));
            }
            return response.path("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer (a dialog open? " + dialogs + ")", e);
        } finally {
            calls.remove(id);
        }
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            Optional.ofNullable(calls.get(message.get("id").asInt())).ifPresent(call -> call.complete(message));
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.javascriptDialogOpening" -> {
                dialogs.add(params.path("type").asText() + ": " + params.path("message").asText());
                // Dismissed, so the page goes on and the test can report it.
                socket.sendText(MAPPER.createObjectNode().put("id", ids.incrementAndGet())
                        .put("method", "Page.handleJavaScriptDialog")
                        .set("params", MAPPER.createObjectNode().put("accept", false)).toString(), true);
            }
            case "Runtime.exceptionThrown" -> exceptions.add(params.path("exceptionDetails").toString());
            case "Network.requestWillBeSent" -> requestedUrls.add(params.path("request").path("url").asText());
            default -> {
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    received(MAPPER.readTree(text));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(userDataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind (chromium's helpers may still be removing their files)
        }
    }
}
