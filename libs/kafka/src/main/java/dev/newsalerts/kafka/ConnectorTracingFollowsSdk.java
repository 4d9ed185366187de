package dev.newsalerts.kafka;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * The Kafka connector traces records only while OpenTelemetry is on. With
 * {@code quarkus.otel.sdk.disabled=true}, the services' default, the connector still made a span for
 * each record it read and wrote, and nothing used or exported them: 7% of the classifier's CPU at
 * 1,000 stories a second (docs/BENCHMARKS.md). A value set for
 * {@code mp.messaging.connector.smallrye-kafka.tracing-enabled}, or for a channel, wins over this
 * default. Registered through {@code META-INF/services}; {@code LocalPipelineIT} checks that traces
 * still follow each story once tracing is on.
 */
// Ahead of the profile interceptor, so that it reads quarkus.otel.sdk.disabled as the active profile has it.
@Priority(Priorities.APPLICATION + 1000)
public final class ConnectorTracingFollowsSdk implements ConfigSourceInterceptor {

    static final String CONNECTOR_TRACING = "mp.messaging.connector.smallrye-kafka.tracing-enabled";
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !name.equals(CONNECTOR_TRACING)) {
            return value;
        }
        ConfigValue sdkDisabled = context.proceed(SDK_DISABLED);
        if (sdkDisabled == null || !Boolean.parseBoolean(sdkDisabled.getValue())) {
            return null; // the connector's own default: on
        }
        return ConfigValue.builder().withName(name).withValue("false")
                .withConfigSourceName(getClass().getSimpleName() + " (" + SDK_DISABLED + "=true)").build();
    }
}
