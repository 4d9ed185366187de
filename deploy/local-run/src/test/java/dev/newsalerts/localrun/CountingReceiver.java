package dev.newsalerts.localrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A webhook receiver on loopback for several subscriptions ({@code /hook/<name>}): answers 204 to
 * every delivery and remembers each one: the subscription, the {@code webhook-id} header, the
 * story's link, and when it came.
 */
final class CountingReceiver implements AutoCloseable {

    record Arrival(String subscription, String webhookId, String link, Instant at) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    CountingReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/hook/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(8));
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
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String subscription = exchange.getRequestURI().getPath().substring("/hook/".length());
            String link = MAPPER.readTree(body).path("data").path("story").path("link").asText();
            arrivals.add(new Arrival(subscription, exchange.getRequestHeaders().getFirst("webhook-id"), link, Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
