package dev.tidesync.engine;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.journal.Pause;
import dev.tidesync.status.RepoStatus;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** The announcement channel came up, went down, failed or was switched on or off. */
    record ChannelChanged(Instant time, dev.tidesync.announce.ChannelState state) implements EngineEvent {
        public String repository() {
            return "tidesync";
        }

        public Level level() {
            return state instanceof dev.tidesync.announce.ChannelState.Failed ? Level.WARN : Level.INFO;
        }

        public String message() {
            return state.describe();
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

    /**
     * A repository's status changed: the value the tray, the status panel and {@code status --json}
     * all render. {@code from} is empty the first time the engine knows the status.
     *
     * @param because the sync whose end changed it, if a sync did
     */
    record StateChanged(Instant time, Path workTree, Optional<RepoStatus> from, RepoStatus to, Optional<SyncOutcome> because)
            implements EngineEvent {
        public String repository() {
            return to.name();
        }

        public Level level() {
            return Level.DEBUG;
        }

        public String message() {
            return from.map(f -> f.state() + " → ").orElse("") + to.state() + ": " + to.message();
        }
    }

    /** The watched repositories, in config order, after a change (start, reload, a watch root). */
    record WatchedChanged(Instant time, List<RepositorySettings> repositories, List<Path> added, List<Path> removed)
            implements EngineEvent {
        public WatchedChanged {
            repositories = List.copyOf(repositories);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        public String repository() {
            return "tidesync";
        }

        public Level level() {
            return Level.DEBUG;
        }

        public String message() {
            return "watching " + repositories.size() + (repositories.size() == 1 ? " repository" : " repositories");
        }
    }

    /** The pause of all syncing began, changed or ended. */
    record PauseChanged(Instant time, Optional<Pause> pause) implements EngineEvent {
        public String repository() {
            return "tidesync";
        }

        public Level level() {
            return Level.INFO;
        }

        public String message() {
            return pause.map(p -> p.until() == null ? "paused until resumed" : "paused until " + dev.tidesync.io.Moments.at(p.until(), java.time.ZoneId.systemDefault(), time)).orElse("resumed");
        }
    }

    /**
     * Automatic syncing began or stopped waiting because syncing costs now (on battery, on a
     * metered network), as the user chose; a person's sync and an agent's session still run.
     *
     * @param why "on battery power", "on a metered network"; empty when syncing goes on again
     */
    record CostPauseChanged(Instant time, Optional<String> why) implements EngineEvent {
        public String repository() {
            return "tidesync";
        }

        public Level level() {
            return Level.INFO;
        }

        public String message() {
            return why.map(w -> "automatic syncing waits while " + w).orElse("automatic syncing goes on");
        }
    }

    /** Anything else worth a line in the log: a repository watched, a trigger that decided not to sync. */
    record Notice(Instant time, String repository, Level level, String message) implements EngineEvent {}
}
