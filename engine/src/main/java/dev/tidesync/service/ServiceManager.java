package dev.tidesync.service;

import dev.tidesync.io.Processes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs the service manager's command line (systemctl, launchctl, schtasks); empty when it is not installed here. */
@FunctionalInterface
public interface ServiceManager {

    Optional<Processes.Result> run(List<String> command) throws IOException;

    /** The real one: the program as {@code path} finds it, at most 30 s. */
    static ServiceManager system(String path) {
        return command -> {
            var program = dev.tidesync.io.Executables.onPath(path, command.getFirst());
            if (program.isEmpty()) {
                return Optional.empty();
            }
            List<String> line = new java.util.ArrayList<>(command);
            line.set(0, program.get().toString()); // the one found on that PATH, not the JVM's
            return Optional.of(Processes.run(line, Duration.ofSeconds(30)));
        };
    }
}
