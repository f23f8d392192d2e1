package dev.tidesync.torture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How hard the suite tries (`-Dtorture=quick`, the default and what CI runs, or `full`, what
 * bench/torture.sh runs) and where each case writes its line of the results table
 * (bench/target/torture/results.tsv, printed by bench/torture.sh into docs/reliability.md's format).
 */
final class Torture {

    private Torture() {}

    static boolean full() {
        return "full".equals(System.getProperty("torture", "quick"));
    }

    /** {@code quick} runs in CI, {@code full} in the documented full run. */
    static int runs(int quick, int full) {
        return full() ? full : quick;
    }

    /** Lock files git or JGit left in a git folder (Tidesync's own OS-locked sync.lock is never stale, so not counted). */
    static List<String> lockFiles(Path gitDir) throws IOException {
        try (Stream<Path> all = Files.walk(gitDir)) {
            return all.map(Path::toString).filter(p -> p.endsWith(".lock") && !p.endsWith("sync.lock")).toList();
        }
    }

    /** One row: the case, how many runs, how many edits were lost (must be 0), and what happened. */
    static synchronized void result(String kase, int runs, int losses, String outcome) throws IOException {
        Path dir = Path.of(System.getProperty("torture.results", "target/torture"));
        Files.createDirectories(dir);
        String line = String.join("\t", kase, String.valueOf(runs), String.valueOf(losses), outcome.replace('\t', ' ').replace('\n', ' '))
                + "\t" + System.getProperty("torture", "quick").toLowerCase(Locale.ROOT) + "\n";
        Files.writeString(dir.resolve("results.tsv"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
