package dev.newsalerts.localrun;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only where Testcontainers reaches a Docker engine that has, or can pull, the
 * {@link #images}; otherwise it is skipped within seconds, saying why ({@link DockerCheck}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerCheck.class)
@interface RequiresDocker {

    /** The images the test starts. */
    String[] images();
}
