package dev.newsalerts.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child JVM started by {@link ChildJvm}: runs the given main class and exits
 * as soon as the parent's end of the stdin pipe closes, so a killed parent never leaves an
 * orphan broker or service behind.
 *
 * <p>Usage: {@code ChildMain <main-class> [args...]}
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ChildMain <main-class> [args...]");
        }
        Thread watchdog = new Thread(ChildMain::exitWhenParentGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentGone() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // The parent never writes; reading only waits for end-of-stream.
            }
        } catch (IOException e) {
            // A broken pipe means the same thing as end-of-stream: the parent is gone.
        }
        System.exit(0);
    }
}
