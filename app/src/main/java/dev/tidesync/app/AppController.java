package dev.tidesync.app;

import dev.tidesync.app.conflict.ConflictPane;
import dev.tidesync.app.conflict.ConflictViewModel;
import dev.tidesync.app.feed.StatusFeed;
import dev.tidesync.app.history.HistoryView;
import dev.tidesync.app.history.HistoryViewModel;
import dev.tidesync.autostart.AutoStart;
import dev.tidesync.app.settings.ConfigEditor;
import dev.tidesync.app.settings.SettingsView;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.RemoteUrl;
import dev.tidesync.host.EngineHost;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.journal.Pauses;
import dev.tidesync.resolve.Conflicts;
import dev.tidesync.resolve.Repairs;
import dev.tidesync.resolve.ResolveException;
import dev.tidesync.resolve.SyncUndo;
import dev.tidesync.sync.Action;
import dev.tidesync.sync.Host;
import dev.tidesync.sync.SyncRequest;
import dev.tidesync.sync.Trigger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.stage.DirectoryChooser;

/**
 * Carries out what the user asks in the tray menu, the panel and the dialogs: through the engine
 * for syncing, the journal for pauses, {@link Repairs} for conflicts and undo, the OS for opening
 * things. Anything that touches disk or git runs off the FX thread.
 */
final class AppController implements AppActions {

    private final EngineHost host;
    private final StatusFeed feed;
    private final Windows windows;
    private final HostServices browser;
    private final AutoStart autoStart;
    private final Clock clock;
    private final Map<String, String> environment;
    private final Runnable quit;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private HistoryViewModel history;

    AppController(EngineHost host, StatusFeed feed, Windows windows, HostServices browser, AutoStart autoStart, Clock clock,
                  Map<String, String> environment, Runnable quit) {
        this.host = host;
        this.feed = feed;
        this.windows = windows;
        this.browser = browser;
        this.autoStart = autoStart;
        this.clock = clock;
        this.environment = environment;
        this.quit = quit;
    }

    @Override
    public void syncNow(Path repository) {
        host.engine().submit(repository, SyncRequest.of(Action.SYNC, Trigger.MANUAL));
    }

    @Override
    public void syncAll() {
        host.engine().settings().repositories().forEach(r -> syncNow(r.workTree()));
    }

    @Override
    public void pause(Optional<Path> repository, Optional<Duration> duration) {
        inBackground("Could not pause", () -> {
            Pauses.pause(host.journal(), repository, clock.instant(), duration);
            feed.refreshAll();
        });
    }

    @Override
    public void resume(Optional<Path> repository) {
        inBackground("Could not resume", () -> {
            Pauses.resume(host.journal(), repository);
            host.engine().reload(); // wakes lanes that were waiting out the pause
            feed.refreshAll();
        });
    }

    @Override
    public void resolve(Path repository) {
        Optional<RepositorySettings> settings = watched(repository);
        if (settings.isEmpty()) {
            return;
        }
        RepositorySettings r = settings.get();
        background.execute(() -> {
            try {
                Optional<Conflicts> conflicts = repairs().conflicts(r);
                Platform.runLater(() -> conflicts.ifPresentOrElse(c -> showConflict(r, c), () -> {
                    windows.error(r.name() + " has no conflict now", "Its branch and the remote combine cleanly (as of the last fetch); "
                            + "Tidesync syncs it now.");
                    syncNow(r.workTree());
                }));
            } catch (IOException | ResolveException e) {
                Platform.runLater(() -> windows.error("Cannot look at the conflict in " + r.name(), e.getMessage()));
            }
        });
    }

    private void showConflict(RepositorySettings r, Conflicts conflicts) {
        String key = "conflict:" + r.workTree();
        ConflictViewModel model = new ConflictViewModel(r.name(), conflicts);
        windows.close(key);
        windows.window(key, "Tidesync: conflict in " + r.name(), () -> new ConflictPane(model, () -> openFolder(r.workTree()),
                () -> background.execute(() -> {
                    try {
                        repairs().resolve(r, model.conflicts(), model.chosen());
                        Platform.runLater(() -> windows.close(key));
                        syncNow(r.workTree());
                    } catch (IOException | ResolveException e) {
                        Platform.runLater(() -> model.problem(e.getMessage()));
                    }
                }), () -> windows.close(key)));
    }

    @Override
    public void undo(Path repository) {
        Optional<RepositorySettings> settings = watched(repository);
        if (settings.isEmpty()) {
            return;
        }
        RepositorySettings r = settings.get();
        background.execute(() -> {
            try {
                Optional<SyncUndo.Undoable> undoable = repairs().undoable(r);
                Platform.runLater(() -> undoable.ifPresentOrElse(u -> confirmUndo(r, u), () -> windows.error("Nothing to undo in " + r.name(),
                        "The last change to its branch was not a sync that brought changes in (or it has been undone already).")));
            } catch (IOException | ResolveException e) {
                Platform.runLater(() -> windows.error("Cannot undo in " + r.name(), e.getMessage()));
            }
        });
    }

    private void confirmUndo(RepositorySettings r, SyncUndo.Undoable u) {
        if (!windows.confirm("Undo the last sync of " + r.name() + "?", "Its files go back to how they were before Tidesync's "
                + u.what() + " (" + u.restores().substring(0, 8) + "). This is a new commit, synced like any other; "
                + "nothing is deleted from history and you can undo the undo.", "Undo")) {
            return;
        }
        inBackground("Could not undo the sync of " + r.name(), () -> {
            repairs().undo(r);
            syncNow(r.workTree());
        });
    }

    @Override
    public void openFolder(Path repository) {
        browser.showDocument(repository.toUri().toString());
    }

    @Override
    public void openRemote(Path repository) {
        Optional<RepositorySettings> settings = watched(repository);
        if (settings.isEmpty()) {
            return;
        }
        background.execute(() -> {
            Optional<java.net.URI> page = Optional.empty();
            try (GitRepo repo = GitRepo.open(repository)) {
                List<String> remotes = settings.get().remotes().isEmpty() ? List.copyOf(repo.repository().getRemoteNames())
                        : settings.get().remotes();
                page = remotes.stream().sorted((a, b) -> a.equals("origin") ? -1 : b.equals("origin") ? 1 : 0)
                        .map(name -> RemoteUrl.webPage(repo, name)).flatMap(Optional::stream).findFirst();
            } catch (dev.tidesync.git.NotARepositoryException e) {
                page = Optional.empty();
            }
            Optional<java.net.URI> found = page;
            Platform.runLater(() -> found.ifPresentOrElse(uri -> browser.showDocument(uri.toString()),
                    () -> windows.error("No web page for " + settings.get().name(), "Its remote is a local folder or has no URL a browser can open.")));
        });
    }

    @Override
    public void showHistory(Optional<Path> repository) {
        if (history == null) {
            history = new HistoryViewModel();
            background.execute(() -> {
                try {
                    List<HistoryRecord> all = host.journal().history().last(Integer.MAX_VALUE, r -> true);
                    Platform.runLater(() -> history.load(all));
                } catch (IOException e) {
                    Platform.runLater(() -> windows.error("Cannot read the change log", e.getMessage()));
                }
            });
        }
        history.repository(repository.flatMap(this::watched).map(RepositorySettings::name));
        windows.window("history", "Tidesync: change log", () -> new HistoryView(history, clock), 1120, 700).setOnHidden(e -> history = null);
    }

    /** A finished sync, as history.jsonl now has it: live in the open viewer. */
    void recorded(HistoryRecord record) {
        if (history != null) {
            history.add(record);
        }
    }

    @Override
    public void showSettings() {
        try {
            ConfigEditor editor = new ConfigEditor(host.config(), s -> {
                host.engine().reload();
                Theme.apply(s.desktop().theme());
                feed.refreshAll();
            });
            windows.window("settings", "Tidesync: settings", () -> new SettingsView(editor, this::chooseFolder, autoStart), 780, 560);
        } catch (ConfigException e) {
            windows.error("The settings file cannot be read", e.getMessage());
        }
    }

    private Optional<Path> chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a git repository to keep in sync");
        return Optional.ofNullable(chooser.showDialog(windows.find("settings").orElse(null))).map(java.io.File::toPath);
    }

    @Override
    public void quit() {
        background.shutdownNow();
        quit.run();
    }

    private Optional<RepositorySettings> watched(Path repository) {
        Optional<RepositorySettings> r = host.engine().settings().repository(repository);
        if (r.isEmpty()) {
            windows.error("Not watched", repository + " is no longer watched by Tidesync.");
        }
        return r;
    }

    private Repairs repairs() {
        return new Repairs(host.engine().settings(), GitAccess.detect(host.engine().settings().network(), environment), clock, Host.name());
    }

    private interface Work {
        void run() throws IOException, ResolveException;
    }

    private void inBackground(String failure, Work work) {
        background.execute(() -> {
            try {
                work.run();
            } catch (IOException | ResolveException e) {
                Platform.runLater(() -> windows.error(failure, e.getMessage()));
            }
        });
    }
}
