package dev.tidesync.app.actions;

import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.git.resolve.Resolution;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.ResolveException;
import dev.tidesync.git.resolve.SyncUndo;
import dev.tidesync.model.SyncRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the app asks of the engine it hosts: {@link HostedEngine} in production, a fake in specs.
 * Any method may touch git or the disk, so callers stay off the FX thread.
 */
public interface EnginePort {

    Settings settings();

    /** Queues a sync; the outcome arrives as engine events. */
    void sync(Path workTree, SyncRequest request);

    void pause(Optional<Path> workTree, Optional<Duration> duration) throws IOException;

    void resume(Optional<Path> workTree) throws IOException;

    /** Re-reads config.json and applies it. */
    void reload();

    ConfigStore config();

    /** Every sync in the change log, oldest first. */
    List<HistoryRecord> history() throws IOException;

    Optional<Conflicts> conflicts(RepositorySettings repository) throws IOException, ResolveException;

    /** A conflicting text file's versions split where they disagree; empty when it is chosen whole (binary, deleted, a folder). */
    Optional<ConflictText> conflictText(RepositorySettings repository, Conflicts conflicts, String path) throws IOException, ResolveException;

    /** What each side has at a conflicting path, in words. */
    FileSides conflictSides(RepositorySettings repository, Conflicts conflicts, String path) throws IOException, ResolveException;

    void resolve(RepositorySettings repository, Conflicts conflicts, Map<String, Resolution> choices) throws IOException, ResolveException;

    Optional<SyncUndo.Undoable> undoable(RepositorySettings repository) throws IOException, ResolveException;

    void undo(RepositorySettings repository) throws IOException, ResolveException;

    /** The web page of the repository's remote (a forge's), if it has one a browser can open. */
    Optional<URI> webPage(RepositorySettings repository);
}
