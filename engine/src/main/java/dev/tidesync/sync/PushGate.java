package dev.tidesync.sync;

import dev.tidesync.config.RepositorySettings.Gate;
import dev.tidesync.io.OperatingSystem;
import dev.tidesync.io.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the repository's gate command (tests, linters) in its work tree; a push happens only if it exits 0. */
final class PushGate {

    private PushGate() {}

    /** Why the gate refused, or empty when it passed. The command never reads input. */
    static Optional<String> check(Path workTree, Gate gate) throws IOException {
        List<String> command = OperatingSystem.current() == OperatingSystem.WINDOWS ? List.of("cmd", "/c", gate.command())
                : List.of("sh", "-c", gate.command());
        Processes.Result r = Processes.run(command, Optional.of(workTree), Map.of(), Duration.ofSeconds(gate.timeoutSeconds()));
        if (r.timedOut()) {
            return Optional.of("the gate `" + gate.command() + "` ran longer than " + gate.timeoutSeconds() + " s");
        }
        if (r.exitCode() != 0) {
            return Optional.of("the gate `" + gate.command() + "` failed (exit " + r.exitCode() + ")" + r.lastLine().map(l -> ": " + l).orElse(""));
        }
        return Optional.empty();
    }
}
