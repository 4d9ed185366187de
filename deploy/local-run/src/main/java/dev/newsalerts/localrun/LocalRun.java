package dev.newsalerts.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The README's first command: runs a local Kafka broker and the three services until Ctrl-C.
 *
 * <pre>
 * java -jar deploy/local-run/target/local-run.jar [--demo] [--reset] [--kafka-port N] [--data-dir DIR]
 * </pre>
 */
public final class LocalRun {

    private static final String USAGE = """
            usage: java -jar deploy/local-run/target/local-run.jar [options]   (from the repository root)
              --demo            offline demo: a bundled sample feed served on loopback instead of the real feeds
              --reset           forget earlier runs (broker data: topics, offsets, seen stories) before starting
              --kafka-port N    port of the local Kafka broker (default 9092)
              --data-dir DIR    where the broker keeps its data (default .local-run/live, or .local-run/demo)
            """;

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        boolean demo = false;
        boolean reset = false;
        int kafkaPort = 9092;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--reset" -> reset = true;
                case "--kafka-port" -> kafkaPort = Integer.parseInt(value(args, ++i));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> fail("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        Path home = Path.of("").toAbsolutePath();
        Path data = (dataDir != null ? dataDir : home.resolve(demo ? ".local-run/demo" : ".local-run/live")).toAbsolutePath();
        if (reset) {
            deleteRecursively(data);
        }
        OwnerOnly.directory(data); // its files hold the API token and the keys, its topics the webhook secrets (encrypted)
        List<Integer> ports = new ArrayList<>(List.of(kafkaPort));
        for (ServiceApp app : ServiceApp.values()) {
            ports.add(app.defaultPort());
        }
        ports.stream().filter(port -> !isFree(port)).findFirst().ifPresent(port ->
                fail("port " + port + " is in use: stop whatever listens there (another local run?) and try again"));

        List<AutoCloseable> helpers = new ArrayList<>();
        Map<ServiceApp, Map<String, String>> config = new EnumMap<>(ServiceApp.class);
        config.put(ServiceApp.FEED_POLLER, new HashMap<>());
        config.put(ServiceApp.CLASSIFIER, new HashMap<>());
        config.put(ServiceApp.NOTIFIER, new HashMap<>());
        DemoWebhookReceiver receiver = DemoWebhookReceiver.start(System.out);
        helpers.add(receiver);
        DemoSmtpServer smtp = DemoSmtpServer.start(System.out);
        helpers.add(smtp);
        Map<String, String> notifier = config.get(ServiceApp.NOTIFIER);
        notifier.put("notifier.subscriptions.local-receiver.target", receiver.url());
        notifier.put("notifier.subscriptions.local-receiver.secret", receiver.secret());
        notifier.put("notifier.subscriptions.local-inbox.channel", "email");
        notifier.put("notifier.subscriptions.local-inbox.target", "you@localhost");
        notifier.put("quarkus.mailer.host", "127.0.0.1");
        notifier.put("quarkus.mailer.port", Integer.toString(smtp.port()));
        notifier.put("quarkus.mailer.keep-alive", "false"); // GreenMail sometimes leaves a reused connection silent
        // A local run is for trying things on this machine: webhooks to loopback receivers are fine here.
        notifier.put("notifier.webhook.allowed-networks", "127.0.0.0/8,::1/128");
        String apiToken = TokenFile.readOrCreate(data.resolve("api-token"));
        notifier.put("notifier.api-token", apiToken);
        config.get(ServiceApp.FEED_POLLER).put("poller.api-token", apiToken);
        // Signs the feedback links of emails and webhooks; kept beside the token so links stay valid across runs.
        notifier.put("notifier.feedback.link-key", TokenFile.readOrCreate(data.resolve("feedback-link-key")));
        // Encrypts the webhook secrets of subscriptions made through the API, in news.subscriptions; kept
        // beside the token, since the broker's data (and those secrets) outlive a run.
        notifier.put("notifier.secrets.key", TokenFile.readOrCreateSecretsKey(data.resolve("secrets-key")));
        // ... and so are feeds served from this machine, such as the demo feed.
        config.get(ServiceApp.FEED_POLLER).put("poller.fetch.allowed-networks", "127.0.0.0/8,::1/128");
        config.get(ServiceApp.CLASSIFIER).put("classifier.rules-file",
                ServiceApp.CLASSIFIER.sourceResource(home, "rules.yaml").toString());
        if (demo) {
            DemoFeedServer feed = DemoFeedServer.start();
            helpers.add(feed);
            Path feeds = Files.createDirectories(data).resolve("demo-feeds.yaml");
            // fullText: one sample item is a teaser of an article page the demo server holds (FEEDS.md, "Full text")
            Files.writeString(feeds, "feeds:\n  - url: " + feed.feedUrl() + "\n    name: Demo feed\n    fullText: true\n"
                    + "  - url: " + feed.wireUrl() + "\n    name: Demo wire\n");
            config.get(ServiceApp.FEED_POLLER).put("poller.feeds-file", feeds.toString());
            // first polls are spread over the interval: a short one shows the demo's alerts soon
            config.get(ServiceApp.FEED_POLLER).put("poller.interval", "10s");
            // the bundled rules plus one that reads the article a full-text feed brings (demo/article-rule.yaml)
            Path rules = data.resolve("demo-rules.yaml");
            Files.writeString(rules, Files.readString(ServiceApp.CLASSIFIER.sourceResource(home, "rules.yaml")).stripTrailing()
                    + "\n\n" + new String(DemoFeedServer.resource("demo/article-rule.yaml"), StandardCharsets.UTF_8));
            config.get(ServiceApp.CLASSIFIER).put("classifier.rules-file", rules.toString());
        } else {
            config.get(ServiceApp.FEED_POLLER).put("poller.feeds-file",
                    ServiceApp.FEED_POLLER.sourceResource(home, "feeds.yaml").toString());
        }

        System.out.println("[local-run] starting Kafka on 127.0.0.1:" + kafkaPort + " (data in " + data + ") and the three services...");
        LocalStack stack = LocalStack.start(new LocalStack.Settings(home, data, Optional.empty(), kafkaPort, Map.of(),
                config, true, true, LocalStack.ONE_MACHINE_JIT));
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            System.out.println("[local-run] stopping...");
            stack.close();
            helpers.forEach(LocalRun::closeQuietly);
        }, "local-run-stop"));
        System.out.printf("""
                [local-run] news-alerts is running%s. Alerts show below as [notifier], [webhook] and [email] lines.
                [local-run]   web console     %s/console/ (alerts and why, feed health; subscriptions with the API token)
                [local-run]   recent alerts   %s/alerts/recent
                [local-run]   feeds           %s/feeds (health; add and remove with the API token)
                [local-run]   try a rule      curl -s -H 'Content-Type: application/json' -d '{"title":"AWS raises GPU prices"}' %s/classify
                [local-run]   rules file      %s (edits apply within seconds)
                [local-run]   subscriptions   %s/subscriptions (API token in %s; API docs at %s/q/swagger-ui)
                [local-run] Ctrl-C stops everything.
                """, demo ? " (offline demo)" : "", stack.baseUri(ServiceApp.NOTIFIER), stack.baseUri(ServiceApp.NOTIFIER),
                stack.baseUri(ServiceApp.FEED_POLLER),
                stack.baseUri(ServiceApp.CLASSIFIER), config.get(ServiceApp.CLASSIFIER).get("classifier.rules-file"),
                stack.baseUri(ServiceApp.NOTIFIER), data.resolve("api-token"), stack.baseUri(ServiceApp.NOTIFIER));
        // From here this JVM only watches and serves the loopback helpers: a full collection gives back
        // to the OS the heap its start-up touched (the JVM shrinks the heap after one): about 12 MiB measured.
        System.gc();
        watch(stack, stopping);
    }

    /** Waits for Ctrl-C; if a service dies meanwhile, says so and stops the rest. */
    private static void watch(LocalStack stack, CountDownLatch stopping) throws InterruptedException {
        while (!stopping.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            Optional<ServiceApp> exited = stack.exitedService();
            if (exited.isPresent() && stopping.getCount() > 0) {
                System.err.println("[local-run] " + exited.get().displayName() + " stopped unexpectedly; see its output above");
                System.exit(1);
            }
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            fail(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    private static void fail(String message) {
        System.err.println("[local-run] " + message);
        System.exit(2);
    }
}
