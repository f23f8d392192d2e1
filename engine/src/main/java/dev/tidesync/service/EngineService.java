package dev.tidesync.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The headless engine ({@code tidesync run}) started by the operating system's own service
 * manager at login and restarted if it fails: a systemd user unit, a launchd agent, a Task
 * Scheduler logon task.
 */
public interface EngineService {

    /**
     * Writes the service for {@code command} (the launcher by its full path and its arguments,
     * e.g. {@code [/opt/tidesync/bin/tidesync, --home, DIR, run]}) and starts it where the
     * manager is reachable. Installing again replaces it.
     */
    Outcome install(List<String> command) throws IOException;

    /** Stops the service and takes it out; nothing else is touched. */
    Outcome remove() throws IOException;

    Status status() throws IOException;

    /** Where it lives, e.g. ~/.config/systemd/user/tidesync.service. */
    String describe();

    /**
     * @param done    what was done, one sentence
     * @param pending what the user still has to run (the manager was not reachable), else empty
     */
    record Outcome(String done, Optional<String> pending) {}

    /**
     * @param installed whether the service's file or task exists
     * @param command   the program it starts, when installed
     * @param running   whether the manager says it runs; empty when it could not be asked
     */
    record Status(boolean installed, Optional<String> command, Optional<Boolean> running, Path where) {}
}
