package dev.newsalerts.notifier;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile of the test classes that need a notifier set apart, in one application: each
 * profile restarts Quarkus and brings a broker of its own, and these settings do not meet.
 * {@code FeedbackLinkReadBackTest} needs a notifier that remembers one recent alert;
 * {@code WithoutSecretsKeyTest} one without {@code notifier.secrets.key}; {@code DeliveryTraceTest}
 * one with tracing on (no collector listens: what it checks is the trace context in the requests).
 */
public class SetApartNotifier implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notifier.recent-alerts", "1", "notifier.secrets.key", "",
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:9",
                "quarkus.log.category.\"io.opentelemetry\".level", "OFF",
                "quarkus.log.category.\"io.quarkus.opentelemetry\".level", "OFF");
    }
}
