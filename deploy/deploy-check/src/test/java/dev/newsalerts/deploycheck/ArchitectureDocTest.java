package dev.newsalerts.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md names only classes and packages that exist: each {@code `Name`} or
 * {@code `package/Name`} in backquotes is a class of the repository (or one of its tests), in that package
 * where one is given, and each {@code `package/`} a package or a directory of the repository.
 */
class ArchitectureDocTest {

    static final Path DOC = Repo.ROOT.resolve("docs/ARCHITECTURE.md");

    /** A class as the doc names it: {@code `FeedPoller`}, {@code `app/FeedPoller`}; method or generic suffixes ignored. */
    private static final Pattern CLASS = Pattern.compile("`((?:[a-z][a-z0-9-]*/)*)([A-Z][A-Za-z0-9]+)(?:[.#(<][^`]*)?`");
    /** A package as the doc names it: {@code `app/`}, {@code `messaging/`}. */
    private static final Pattern PACKAGE = Pattern.compile("`((?:[a-z][a-z0-9]*/)+)`");

    @Test
    void everyClassTheDocNamesExistsWhereItSays() {
        List<String> sources = sources();
        Set<String> missing = new TreeSet<>();
        Matcher named = CLASS.matcher(Repo.read(DOC));
        while (named.find()) {
            String suffix = "/" + named.group(1) + named.group(2) + ".java";
            if (sources.stream().noneMatch(source -> source.endsWith(suffix))) {
                missing.add(named.group(1) + named.group(2));
            }
        }
        assertThat(missing).as("classes " + DOC + " names that are not where it says (moved, renamed or removed?)").isEmpty();
    }

    @Test
    void everyPackageTheDocNamesExists() {
        List<String> sources = sources();
        Set<String> missing = new TreeSet<>();
        Matcher named = PACKAGE.matcher(Repo.read(DOC));
        while (named.find()) {
            String path = "/" + named.group(1);
            if (sources.stream().noneMatch(source -> source.contains(path)) && !Files.isDirectory(Repo.ROOT.resolve(named.group(1)))) {
                missing.add(named.group(1));
            }
        }
        assertThat(missing).as("packages or directories " + DOC + " names that do not exist").isEmpty();
    }

    /** Every Java source file of the repository (main, test and benchmark), as a path from the root with '/'. */
    private static List<String> sources() {
        try (Stream<Path> files = Files.walk(Repo.ROOT)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> "/" + Repo.ROOT.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> file.contains("/src/") && !file.contains("/target/"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
