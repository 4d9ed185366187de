package dev.newsalerts.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Entry point of a child JVM started by {@link ChildJvm}: runs the given main class and exits
 * as soon as the parent's end of the stdin pipe closes, so a killed parent never leaves an
 * orphan broker or service behind.
 *
 * <p>SIGINT is ignored: Ctrl-C in a terminal reaches every process of the foreground group, but
 * only the parent decides when and in which order its children stop (services before the broker,
 * so that they can commit their offsets). SIGTERM still stops a child gracefully.
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
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
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
