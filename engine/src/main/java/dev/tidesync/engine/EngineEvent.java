package dev.tidesync.engine;

import dev.tidesync.sync.SyncOutcome;
import dev.tidesync.sync.SyncRequest;
import dev.tidesync.sync.SyncResult;
import java.nio.file.Path;
import java.time.Instant;

/** What the engine tells its listeners: the tray, the headless log, tests. */
public sealed interface EngineEvent {

    enum Level { DEBUG, INFO, WARN, ERROR }

    Instant time();

    /** The repository's display name, or "tidesync" for the engine itself. */
    String repository();

    Level level();

    String message();

    record SyncStarted(Instant time, Path workTree, String repository, SyncRequest request) implements EngineEvent {
        public Level level() {
            return Level.DEBUG;
        }

        public String message() {
            return request.action().id() + " started (" + request.trigger().id() + ")";
        }
    }

    record SyncFinished(Instant time, SyncOutcome outcome) implements EngineEvent {
        public String repository() {
            return outcome.name();
        }

        public Level level() {
            return switch (outcome.result()) {
                case OK -> Level.INFO;
                case SKIPPED -> Level.DEBUG;
                case HELD_BACK -> Level.WARN;
                case CONFLICT, FAILED -> Level.ERROR;
            };
        }

        public String message() {
            return outcome.message() + " (" + outcome.trigger().id() + ", " + outcome.duration().toMillis() + " ms)";
        }

        public boolean conflict() {
            return outcome.result() == SyncResult.CONFLICT;
        }
    }

    /** Automatic syncing of the repository stopped until something changes. */
    record AttentionNeeded(Instant time, Path workTree, String repository, String why) implements EngineEvent {
        public Level level() {
            return Level.ERROR;
        }

        public String message() {
            return "needs attention: " + why + "; automatic syncing waits until something changes or you run `tidesync sync`";
        }
    }

    record AttentionCleared(Instant time, Path workTree, String repository, String because) implements EngineEvent {
        public Level level() {
            return Level.INFO;
        }

        public String message() {
            return "syncing again: " + because;
        }
    }

    /** Anything else worth a line in the log: a repository watched, a trigger that decided not to sync. */
    record Notice(Instant time, String repository, Level level, String message) implements EngineEvent {}
}
