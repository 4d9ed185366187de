package dev.newsalerts.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dry run needs no broker: here Kafka points at a port where nothing listens. */
@QuarkusTest
@TestProfile(ClassifyWithoutKafkaTest.NoBroker.class)
class ClassifyWithoutKafkaTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    @Test
    void aDryRunAnswersWithoutABrokerAndStripsHtmlFirst() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"<b>AWS</b> raises prices of EC2 GPU instances &amp; storage\"}")
                .post("/classify")
                .then().statusCode(200)
                .body("title", equalTo("AWS raises prices of EC2 GPU instances & storage"))
                .body("matches.ruleId", hasItem("cloud-pricing"))
                .body("matches[0].terms[0].start", equalTo(0));
    }

    @Test
    void readinessSaysKafkaIsDown() {
        given().get("/q/health/ready").then().statusCode(503);
    }
}
