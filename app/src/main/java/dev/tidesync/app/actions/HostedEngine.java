package dev.tidesync.app.actions;

import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import dev.tidesync.git.RemoteUrl;
import dev.tidesync.host.EngineHost;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.git.resolve.Resolution;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.resolve.Repairs;
import dev.tidesync.model.Action;
import dev.tidesync.model.Trigger;
import dev.tidesync.git.resolve.ResolveException;
import dev.tidesync.git.resolve.SyncUndo;
import dev.tidesync.io.MachineName;
import dev.tidesync.model.SyncRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine this process hosts, as the app's actions need it. */
public final class HostedEngine implements EnginePort {

    private final EngineHost host;
    private final Map<String, String> environment;
    private final Clock clock;

    public HostedEngine(EngineHost host, Map<String, String> environment, Clock clock) {
        this.host = host;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public Settings settings() {
        return host.engine().settings();
    }

    @Override
    public void sync(Path workTree, SyncRequest request) {
        host.engine().submit(workTree, request);
    }

    @Override
    public void pause(Optional<Path> workTree, Optional<Duration> duration) throws IOException {
        host.engine().pause(workTree, duration);
    }

    @Override
    public void resume(Optional<Path> workTree) throws IOException {
        host.engine().resume(workTree);
    }

    @Override
    public void reload() {
        host.engine().reload();
    }

    @Override
    public ConfigStore config() {
        return host.config();
    }

    @Override
    public List<HistoryRecord> history() throws IOException {
        return host.journal().history().last(Integer.MAX_VALUE, r -> true);
    }

    @Override
    public Optional<Conflicts> conflicts(RepositorySettings repository) throws IOException, ResolveException {
        return repairs().conflicts(repository);
    }

    @Override
    public Optional<ConflictText> conflictText(RepositorySettings repository, Conflicts conflicts, String path)
            throws IOException, ResolveException {
        return repairs().text(repository, conflicts, path);
    }

    @Override
    public FileSides conflictSides(RepositorySettings repository, Conflicts conflicts, String path) throws IOException, ResolveException {
        return repairs().sides(repository, conflicts, path);
    }

    @Override
    public void resolve(RepositorySettings repository, Conflicts conflicts, Map<String, Resolution> choices)
            throws IOException, ResolveException {
        repairs().resolve(repository, conflicts, choices,
                () -> host.engine().submit(repository.workTree(), SyncRequest.of(Action.SYNC, Trigger.MANUAL)).join());
    }

    @Override
    public Optional<SyncUndo.Undoable> undoable(RepositorySettings repository) throws IOException, ResolveException {
        return repairs().undoable(repository);
    }

    @Override
    public void undo(RepositorySettings repository) throws IOException, ResolveException {
        repairs().undo(repository);
    }

    @Override
    public Optional<URI> webPage(RepositorySettings repository) {
        try (GitRepo repo = GitRepo.open(repository.workTree())) {
            return RemoteUrl.webPage(repo, repository.remotes());
        } catch (NotARepositoryException e) {
            return Optional.empty();
        }
    }

    private Repairs repairs() {
        Settings s = settings();
        return new Repairs(s, GitAccess.detect(s.network(), environment), clock, MachineName.name(), host.journal());
    }
}
