package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.Subscription;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** One span per delivery attempt, a child of the alert's trace, so a trace ends at the receiver. */
@ApplicationScoped
public class DeliverySpans {

    private final Tracer tracer;

    public DeliverySpans(Tracer tracer) {
        this.tracer = tracer;
    }

    Span start(Subscription subscription, Delivery delivery) {
        return tracer.spanBuilder("deliver " + subscription.channel().name().toLowerCase(Locale.ROOT))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("news_alerts.subscription_id", subscription.id())
                .setAttribute("news_alerts.delivery_id", delivery.deliveryId())
                .setAttribute("news_alerts.attempt", delivery.attempts() + 1L)
                .startSpan();
    }

    static void failed(Span span, Exception e) {
        span.setStatus(StatusCode.ERROR, e.getMessage());
    }
}
