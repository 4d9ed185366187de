package dev.newsalerts.localrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A webhook receiver on loopback for several subscriptions ({@code /hook/<name>}): answers 204 to
 * every delivery, after {@code latency} (a real receiver's pace, so that deliveries are in flight
 * at any moment), and remembers each one: the subscription, the {@code webhook-id} header, the
 * story's link, and when it came.
 */
final class CountingReceiver implements AutoCloseable {

    record Arrival(String subscription, String webhookId, String link, Instant at) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    /** Deliveries (subscription and link) taken and not answered yet. */
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
    private final Duration latency;

    CountingReceiver(Duration latency) throws IOException {
        this.latency = latency;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/hook/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String subscription) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + subscription;
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    int count() {
        return arrivals.size();
    }

    /** Deliveries taken and not answered yet, as "subscription link". */
    Set<String> unanswered() {
        return Set.copyOf(unanswered);
    }

    /** When each delivery (as "subscription link") arrived, in order. */
    Map<String, List<Instant>> arrivalTimes() {
        return arrivals.stream().collect(Collectors.groupingBy(arrival -> arrival.subscription() + " " + arrival.link(),
                Collectors.mapping(Arrival::at, Collectors.toList())));
    }

    /** The story links delivered to {@code subscription}. */
    Set<String> links(String subscription) {
        return arrivals.stream().filter(arrival -> arrival.subscription().equals(subscription)).map(Arrival::link)
                .collect(Collectors.toSet());
    }

    /** Deliveries of the same story to the same subscription, with how many times each came, for those that came more than once. */
    Map<String, Long> repeated() {
        return arrivals.stream().collect(Collectors.groupingBy(arrival -> arrival.subscription() + " " + arrival.link(),
                Collectors.counting())).entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Of the repeated deliveries, those whose copies did not all carry the same {@code webhook-id}. */
    Set<String> repeatedWithDifferentIds() {
        return arrivals.stream().collect(Collectors.groupingBy(arrival -> arrival.subscription() + " " + arrival.link(),
                Collectors.mapping(Arrival::webhookId, Collectors.toSet()))).entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        answers.shutdownNow();
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String subscription = exchange.getRequestURI().getPath().substring("/hook/".length());
        String link = MAPPER.readTree(body).path("data").path("story").path("link").asText();
        arrivals.add(new Arrival(subscription, exchange.getRequestHeaders().getFirst("webhook-id"), link, Instant.now()));
        String key = subscription + " " + link;
        unanswered.add(key);
        answers.schedule(() -> answer(exchange, key), latency.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void answer(HttpExchange exchange, String key) {
        try (exchange) {
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException e) {
            // the sender is gone (a killed notifier): the delivery counts as received, as at a real receiver
        } finally {
            unanswered.remove(key);
        }
    }
}
