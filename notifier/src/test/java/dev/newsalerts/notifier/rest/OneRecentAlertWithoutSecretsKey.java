package dev.newsalerts.notifier.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile of two test classes that need a notifier set apart, in one application: each
 * profile restarts Quarkus and brings a broker of its own, and these two settings do not meet.
 * {@link FeedbackLinkReadBackTest} needs a notifier that remembers one recent alert;
 * {@link WithoutSecretsKeyTest} one without {@code notifier.secrets.key}.
 */
public class OneRecentAlertWithoutSecretsKey implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notifier.recent-alerts", "1", "notifier.secrets.key", "");
    }
}
