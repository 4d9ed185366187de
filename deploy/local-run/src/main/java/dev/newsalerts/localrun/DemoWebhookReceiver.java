package dev.newsalerts.localrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A webhook receiver on loopback for the local run: verifies each delivery's Standard Webhooks
 * signature, as a real receiver would, and prints the alert.
 */
public final class DemoWebhookReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    private final String secret;

    private DemoWebhookReceiver(HttpServer server, String secret) {
        this.server = server;
        this.secret = secret;
    }

    public static DemoWebhookReceiver start(PrintStream out) throws IOException, EmptyWebhookSecretException {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Webhook verifier = new Webhook(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                verifier.verify(body, exchange.getRequestHeaders());
                out.println("[webhook] signed delivery verified: " + describe(body));
                exchange.sendResponseHeaders(204, -1);
            } catch (WebhookVerificationException e) {
                out.println("[webhook] REJECTED a delivery with a bad signature: " + e.getMessage());
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        server.start();
        return new DemoWebhookReceiver(server, secret);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    public String secret() {
        return secret;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String describe(String body) throws IOException {
        JsonNode alert = MAPPER.readTree(body).path("data");
        List<String> rules = new ArrayList<>();
        alert.path("matches").forEach(match -> rules.add(match.path("ruleId").asText()));
        return "\"" + alert.path("story").path("title").asText() + "\" " + rules;
    }
}
