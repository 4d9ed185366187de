package dev.newsalerts.localrun;

import java.util.Optional;

/** The end-to-end scenario on the local broker (a child JVM), as in the local run. */
class LocalPipelineIT extends PipelineScenario {

    @Override
    Optional<String> externalKafka() {
        return Optional.empty();
    }
}
