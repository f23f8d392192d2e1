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

    /**
     * Why syncing of the repository at {@code workTree} (named {@code name}, configured as
     * {@code path}) is held at {@code now}, in the sentence the CLI and the log show, if it is.
     */
    public static Optional<String> holding(State state, Path workTree, String name, String path, Instant now) {
        if (state.pause() != null && state.pause().activeAt(now)) {
            return Optional.of("Syncing is paused" + until(state.pause()) + "; resume with `tidesync resume`");
        }
        Pause pause = state.repository(workTree.toString()).pause();
        if (pause != null && pause.activeAt(now)) {
            return Optional.of(name + " is paused" + until(pause) + "; resume with `tidesync resume " + path + "`");
        }
        return Optional.empty();
    }

    private static String until(Pause pause) {
        return pause.until() == null ? "" : " until " + dev.tidesync.io.Moments.at(pause.until());
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
