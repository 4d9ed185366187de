package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorTracingFollowsSdkTest {

    private static final String TRACING = ConnectorTracingFollowsSdk.CONNECTOR_TRACING;

    @Test
    void theConnectorTracesNothingWhileTheSdkIsOff() {
        assertThat(tracing(Map.of("quarkus.otel.sdk.disabled", "true"))).isFalse();
    }

    @Test
    void theConnectorTracesWhenTheSdkIsOn() {
        assertThat(tracing(Map.of("quarkus.otel.sdk.disabled", "false"))).isTrue();
        assertThat(tracing(Map.of())).as("the SDK's own default is on").isTrue();
    }

    @Test
    void theSdkSwitchCountsInTheActiveProfile() {
        assertThat(tracing(Map.of("quarkus.otel.sdk.disabled", "true", "%dev.quarkus.otel.sdk.disabled", "false"), "dev"))
                .isTrue();
    }

    @Test
    void aValueSetForTheConnectorWins() {
        assertThat(tracing(Map.of("quarkus.otel.sdk.disabled", "true", TRACING, "true"))).isTrue();
        assertThat(tracing(Map.of("quarkus.otel.sdk.disabled", "false", TRACING, "false"))).isFalse();
    }

    private static boolean tracing(Map<String, String> properties, String... profiles) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredInterceptors()
                .withProfiles(List.of(profiles)).withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getOptionalValue(TRACING, Boolean.class).orElse(true);
    }
}
