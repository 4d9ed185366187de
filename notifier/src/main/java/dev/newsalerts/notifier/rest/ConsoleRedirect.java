package dev.newsalerts.notifier.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code /console} leads to {@code /console/}, where the page's relative links work. */
@ApplicationScoped
public class ConsoleRedirect {

    void route(@Observes Router router) {
        router.get("/console").handler(context -> {
            if ("/console".equals(context.request().path())) {
                context.redirect("console/");
            } else {
                context.next();
            }
        });
    }
}
