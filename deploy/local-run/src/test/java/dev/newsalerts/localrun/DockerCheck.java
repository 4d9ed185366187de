package dev.newsalerts.localrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * The condition of {@link RequiresDocker}. An engine alone is not enough: one without registry
 * access (this project's machines) would make Testcontainers retry a pull for minutes and fail
 * the build. So every image the test needs, and those Testcontainers itself starts (its small
 * helper image, and Ryuk unless {@code TESTCONTAINERS_RYUK_DISABLED=true}), must be in the
 * engine's store or start downloading within seconds. The check talks to the engine with a plain
 * client, so that nothing of Testcontainers starts before it has passed.
 */
class DockerCheck implements ExecutionCondition {

    /** A pull that shows no progress within this long is taken as "no registry". */
    private static final long FIRST_PROGRESS_SECONDS = 10;
    /** A pull that has started gets this long to finish. */
    private static final long PULL_MINUTES = 10;
    /** The images Testcontainers 1.21 starts of its own (its configuration getters name older defaults). */
    private static final String TESTCONTAINERS_HELPER = "alpine:3.17";
    private static final String RYUK = "testcontainers/ryuk:0.12.0";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        RequiresDocker required = AnnotationSupport.findAnnotation(context.getElement(), RequiresDocker.class).orElse(null);
        if (required == null) {
            return ConditionEvaluationResult.enabled("no images required here");
        }
        DockerClient docker = engine();
        if (docker == null) {
            return skip(context, "no Docker engine is reachable");
        }
        List<String> missing = new ArrayList<>();
        try (docker) {
            for (String image : imagesNeeded(required)) {
                if (!present(docker, image) && !pulled(docker, image)) {
                    missing.add(image);
                }
            }
        } catch (IOException | RuntimeException e) {
            return skip(context, "the Docker engine did not answer as expected: " + e);
        }
        if (!missing.isEmpty()) {
            return skip(context, "the Docker engine lacks " + String.join(", ", missing) + " and cannot pull them"
                    + " (no registry reachable); on a machine without registry access, build the stand-in images:"
                    + " ../shared/tools/container-standins/build.sh, and set TESTCONTAINERS_RYUK_DISABLED=true");
        }
        return ConditionEvaluationResult.enabled("a Docker engine with " + String.join(", ", imagesNeeded(required)));
    }

    /** A client of the engine Testcontainers would use, found as it finds it, or null; it starts no container. */
    private static DockerClient engine() {
        List<DockerClientProviderStrategy> strategies = new ArrayList<>();
        ServiceLoader.load(DockerClientProviderStrategy.class).forEach(strategies::add);
        try {
            DockerClientProviderStrategy strategy = DockerClientProviderStrategy.getFirstValidStrategy(strategies);
            return DockerClientProviderStrategy.getClientForConfig(strategy.getTransportConfig());
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Set<String> imagesNeeded(RequiresDocker required) {
        Set<String> images = new LinkedHashSet<>(List.of(required.images()));
        images.add(TESTCONTAINERS_HELPER);
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            images.add(RYUK);
        }
        return images;
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static boolean pulled(DockerClient docker, String image) {
        CountDownLatch progress = new CountDownLatch(1);
        ResultCallback.Adapter<PullResponseItem> pull = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                progress.countDown();
            }
        };
        try (pull) {
            docker.pullImageCmd(image).exec(pull);
            if (!progress.await(FIRST_PROGRESS_SECONDS, TimeUnit.SECONDS)) {
                return false;
            }
            return pull.awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES) && present(docker, image);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    private static ConditionEvaluationResult skip(ExtensionContext context, String why) {
        String reason = context.getDisplayName() + " skipped: " + why;
        System.out.println("[SKIPPED] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
