package dev.newsalerts.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check of environment variables against a service's keys can fail, and fails for the right reasons. */
class ServiceConfigKeysTest {

    @Test
    void keysOfEveryKindAreAccepted() {
        ServiceConfigKeys notifier = Repo.keys("notifier");

        assertThat(notifier.problemWith("KAFKA_BOOTSTRAP_SERVERS")).as("application.properties, kafka client").isEmpty();
        assertThat(notifier.problemWith("NOTIFIER_DELIVERY_RETRY_SCHEDULE")).as("nested @ConfigMapping group").isEmpty();
        assertThat(notifier.problemWith("NOTIFIER_SUBSCRIPTIONS_INBOX_TARGET")).as("@ConfigMapping map key").isEmpty();
        assertThat(notifier.problemWith("TOPICS_REPLICATION_FACTOR")).as("mapping of the kafka-support library").isEmpty();
        assertThat(notifier.problemWith("QUARKUS_MAILER_HOST")).as("Quarkus extension").isEmpty();
        assertThat(notifier.problemWith("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL")).as("Quarkus map key, quoted").isEmpty();
        assertThat(notifier.problemWith("KAFKA_SECURITY_PROTOCOL")).as("Kafka client setting").isEmpty();
        assertThat(notifier.problemWith("MP_MESSAGING_INCOMING_ALERTS_GROUP_ID")).as("channel setting").isEmpty();
        assertThat(Repo.keys("classifier").problemWith("CLASSIFIER_RULES_FILE")).as("Optional key").isEmpty();
    }

    @Test
    void aMisspelledVariableIsRefusedNamingTheService() {
        assertThat(Repo.keys("classifier").problemWith("CLASSIFIER_RULE_FILE"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("CLASSIFIER_RULE_FILE", "classifier"));
        ServiceConfigKeys notifier = Repo.keys("notifier");
        assertThat(notifier.problemWith("NOTIFIER_SUBSCRIPTIONS_INBOX_TARGTE")).isPresent();
        assertThat(notifier.problemWith("QUARKUS_MAILER_HOTS")).isPresent();
        assertThat(notifier.problemWith("KAFKA_BOOTSTRAP_SERVER")).isPresent();
        assertThat(notifier.problemWith("MP_MESSAGING_INCOMING_ALERT_TOPIC")).as("no channel 'alert'").isPresent();
        assertThat(notifier.problemWith("NOTIFIER_APITOKEN")).isPresent();
    }

    @Test
    void aKeyOfAnotherServiceIsRefused() {
        assertThat(Repo.keys("classifier").problemWith("QUARKUS_MAILER_HOST")).as("the classifier has no mailer").isPresent();
        assertThat(Repo.keys("feed-poller").problemWith("NOTIFIER_API_TOKEN")).isPresent();
        assertThat(Repo.keys("classifier").problemWith("MP_MESSAGING_INCOMING_ALERTS_TOPIC")).as("a notifier channel").isPresent();
    }

    @Test
    void aKeyFixedAtBuildTimeIsRefusedSayingSo() {
        assertThat(Repo.keys("notifier").problemWith("QUARKUS_KAFKA_DEVSERVICES_ENABLED"))
                .hasValueSatisfying(problem -> assertThat(problem).contains("build time"));
    }

    @Test
    void eachServiceHasTheMappingsOfItsOwnAndOfTheKafkaTopicsLibrary() {
        assertThat(Repo.keys("feed-poller").mappingInterfaces()).contains("PollerConfig", "TopicsConfig");
        assertThat(Repo.keys("classifier").mappingInterfaces()).contains("ClassifierConfig", "TopicsConfig");
        assertThat(Repo.keys("notifier").mappingInterfaces()).contains("NotifierConfig", "TopicsConfig");
    }
}
