package dev.newsalerts.localrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.localkafka.ChildJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** For tests of the notifier's packaged jar: starts it as a child JVM, and publishes alerts for it. */
final class PackagedNotifier {

    private static final Path ALERT_EXAMPLE = Path.of("../../classifier/src/main/resources/schemas/alert.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PackagedNotifier() {
    }

    /** Starts the notifier on {@code port} and returns once it is ready; its output goes to {@code log}. */
    static ChildJvm start(String bootstrapServers, int port, List<String> extraOptions, Path log) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dnotifier.webhook.allowed-networks=127.0.0.0/8",
                "-Dquarkus.log.category.\"org.apache.kafka\".level=ERROR"));
        options.addAll(extraOptions);
        ChildJvm notifier = ChildJvm.start("notifier", List.of(ServiceApp.NOTIFIER.runJar(Path.of("../..").toAbsolutePath()
                .normalize()).toString()), options, "io.quarkus.bootstrap.runner.QuarkusEntryPoint", List.of(), log);
        Readiness.awaitReady(port);
        return notifier;
    }

    /** Publishes {@code count} alerts (the classifier's example alert, new ids) to news.alerts; returns their ids. */
    static List<String> publishAlerts(String bootstrapServers, int count, String titlePrefix) throws IOException {
        ObjectNode example = (ObjectNode) MAPPER.readTree(Files.readString(ALERT_EXAMPLE)).get("examples").get(0);
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                ObjectNode alert = example.deepCopy();
                String id = UUID.randomUUID().toString().replace("-", "");
                alert.put("alertId", id);
                ((ObjectNode) alert.get("story")).put("storyId", id).put("title", titlePrefix + " " + i);
                producer.send(new ProducerRecord<>("news.alerts", id, alert.toString()));
                ids.add(id);
            }
        }
        return ids;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
