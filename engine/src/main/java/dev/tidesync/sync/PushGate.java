package dev.tidesync.sync;

import dev.tidesync.config.RepositorySettings.Gate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the repository's gate command (tests, linters) in its work tree; a push happens only if it exits 0. */
final class PushGate {

    private PushGate() {}

    /** Why the gate refused, or empty when it passed. The command never reads input. */
    static Optional<String> check(Path workTree, Gate gate) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        List<String> command = windows ? List.of("cmd", "/c", gate.command()) : List.of("sh", "-c", gate.command());
        Path output = Files.createTempFile("tidesync-gate", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(workTree.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice(windows)))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(gate.timeoutSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.of("the gate `" + gate.command() + "` ran longer than " + gate.timeoutSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                return Optional.of("the gate `" + gate.command() + "` failed (exit " + p.exitValue() + ")" + lastLine(output));
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the gate `" + gate.command() + "` was interrupted");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static java.io.File nullDevice(boolean windows) {
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }

    private static String lastLine(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : ": " + lines.getLast().strip();
    }
}
