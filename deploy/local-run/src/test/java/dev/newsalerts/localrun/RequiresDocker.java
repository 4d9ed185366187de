package dev.newsalerts.localrun;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs a test class only where Testcontainers reaches a Docker engine; otherwise skips it and says why on the console. */
class RequiresDocker implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is reachable");
        }
        String reason = context.getDisplayName() + " skipped: no Docker engine is reachable, so no Kafka container can start"
                + " (the same scenario runs on the local broker in LocalPipelineIT)";
        System.out.println("[SKIPPED] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
