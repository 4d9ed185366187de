package dev.newsalerts.localrun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * RSS feeds on loopback that grow by one item each on every {@link #tick()}: four of every five
 * items match the default rules (the Microsoft–OpenAI–Amazon dispute), the fifth matches none.
 * Remembers which instance (by User-Agent) fetched which feed.
 */
final class GrowingFeeds implements AutoCloseable {

    private static final String MATCHING = "Microsoft weighs legal action over OpenAI's Amazon deal, report %d-%d";
    private static final String UNRELATED = "Apple unveils new iPhone colours, take %d-%d";

    private final int feeds;
    private final HttpServer server;
    private final AtomicInteger items = new AtomicInteger();
    /** Fetches by feed path, by the instance that made them. */
    private final Map<String, Set<String>> fetchedBy = new ConcurrentHashMap<>();

    GrowingFeeds(int feeds) throws IOException {
        this.feeds = feeds;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/feeds/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Adds one item to every feed; returns the number of items each feed now has. */
    int tick() {
        return items.incrementAndGet();
    }

    int itemsPerFeed() {
        return items.get();
    }

    List<String> urls() {
        return IntStream.range(0, feeds).mapToObj(this::url).toList();
    }

    String url(int feed) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path(feed);
    }

    /** The links of the items that should become alerts, among the first {@code itemsPerFeed} of each feed. */
    Set<String> matchingLinks(int itemsPerFeed) {
        return links(itemsPerFeed, true);
    }

    Set<String> unrelatedLinks(int itemsPerFeed) {
        return links(itemsPerFeed, false);
    }

    static boolean matches(int item) {
        return item % 5 != 4;
    }

    static String link(int feed, int item) {
        return "https://scale-out.example/" + feed + "/" + item;
    }

    void forgetFetches() {
        fetchedBy.clear();
    }

    /** The instances (User-Agents) that fetched the feed at {@code url} since the last {@link #forgetFetches()}. */
    Set<String> fetchedBy(String url) {
        return fetchedBy.getOrDefault(java.net.URI.create(url).getPath(), Set.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Set<String> links(int itemsPerFeed, boolean matching) {
        return IntStream.range(0, feeds).boxed().flatMap(feed -> IntStream.range(0, itemsPerFeed)
                .filter(item -> matches(item) == matching).mapToObj(item -> link(feed, item)))
                .collect(Collectors.toSet());
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        fetchedBy.computeIfAbsent(path, key -> ConcurrentHashMap.newKeySet())
                .add(exchange.getRequestHeaders().getFirst("User-Agent"));
        int feed = Integer.parseInt(path.replaceAll("\\D", ""));
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Scale-out feed " + feed + "</title>");
        List<Integer> newestFirst = new ArrayList<>(IntStream.range(0, items.get()).boxed().toList());
        java.util.Collections.reverse(newestFirst);
        for (int item : newestFirst) {
            String title = String.format(matches(item) ? MATCHING : UNRELATED, feed, item).replace("'", "&apos;");
            rss.append("<item><title>").append(title).append("</title><link>").append(link(feed, item))
                    .append("</link><guid>").append(link(feed, item)).append("</guid></item>");
        }
        byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String path(int feed) {
        return "/feeds/" + feed + ".xml";
    }
}
