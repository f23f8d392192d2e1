package dev.tidesync.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Pausing and resuming, as the CLI and the tray app both do it: state only, the config is not touched. */
public final class Pauses {

    private Pauses() {}

    /**
     * @param workTree  one repository, or empty for all
     * @param duration  empty: until resumed
     * @return the pause written
     */
    public static Pause pause(Journal journal, Optional<Path> workTree, Instant now, Optional<Duration> duration) throws IOException {
        Pause pause = new Pause(now, duration.map(now::plus).orElse(null));
        if (workTree.isEmpty()) {
            journal.update(s -> s.withPause(pause));
        } else {
            String key = workTree.get().toString();
            journal.update(s -> s.with(key, s.repository(key).withPause(pause)));
        }
        return pause;
    }

    /** Ends one repository's pause, or (empty) the global pause and every repository's. */
    public static void resume(Journal journal, Optional<Path> workTree) throws IOException {
        if (workTree.isEmpty()) {
            journal.update(s -> {
                State next = s.withPause(null);
                for (String key : s.repositories().keySet()) {
                    next = next.with(key, next.repository(key).withPause(null));
                }
                return next;
            });
        } else {
            String key = workTree.get().toString();
            journal.update(s -> s.with(key, s.repository(key).withPause(null)));
        }
    }
}
