package dev.newsalerts.notifier.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's files are revalidated, never kept blindly: each is served with an {@code ETag} (a
 * hash of its content) and {@code Cache-Control: no-cache}, and a browser that has the current
 * version gets {@code 304 Not Modified}. Quarkus serves static files {@code immutable} for a day,
 * so after an upgrade browsers went on running the old console.
 */
@ApplicationScoped
public class ConsoleRevalidation {

    private static final String ROOT = "/console/";
    private static final List<String> FILES = List.of("index.html", "console.js", "console.css", "rules.html", "rules.js");

    private final Map<String, String> etags = new HashMap<>();

    public ConsoleRevalidation() {
        for (String file : FILES) {
            etags.put(ROOT + file, etag("META-INF/resources/console/" + file));
        }
        etags.put(ROOT, etags.get(ROOT + "index.html"));
    }

    void routes(@Observes Router router) {
        router.route(ROOT + "*").order(-1).handler(this::revalidate);
    }

    private void revalidate(RoutingContext context) {
        String etag = etags.get(context.normalizedPath());
        if (etag == null) {
            context.next();
            return;
        }
        if (etag.equals(context.request().getHeader("If-None-Match"))) {
            context.response().setStatusCode(304).putHeader("ETag", etag).putHeader("Cache-Control", "no-cache").end();
            return;
        }
        context.addHeadersEndHandler(ignored -> context.response().headers().set("ETag", etag).set("Cache-Control", "no-cache"));
        context.next();
    }

    private static String etag(String resource) {
        try (InputStream in = ConsoleRevalidation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the notifier");
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
