package dev.tidesync.app.actions;

import dev.tidesync.app.conflict.ConflictPane;
import dev.tidesync.app.conflict.ConflictViewModel;
import dev.tidesync.app.history.HistoryView;
import dev.tidesync.app.history.HistoryViewModel;
import dev.tidesync.app.settings.ConfigEditor;
import dev.tidesync.app.settings.SettingsView;
import dev.tidesync.autostart.AutoStart;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.git.resolve.Resolution;
import dev.tidesync.git.resolve.ResolveException;
import dev.tidesync.git.resolve.SyncUndo;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Carries out what the user asks in the tray menu, the panel and the dialogs. Everything that
 * touches the engine, git or the disk runs on {@code background}; what it finds comes back to
 * the windows on {@code ui} (the FX thread). The FX thread never waits.
 */
public final class AppController implements AppActions {

    private final EnginePort engine;
    private final Screens screens;
    private final AutoStart autoStart;
    private final Clock clock;
    private final Runnable quit;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Settings> settingsApplied;
    private HistoryViewModel history;

    /**
     * @param settingsApplied runs on the FX thread after the settings form saved a change (the theme)
     */
    public AppController(EnginePort engine, Screens screens, AutoStart autoStart, Clock clock, Runnable quit, Executor background,
                         Executor ui, Consumer<Settings> settingsApplied) {
        this.engine = engine;
        this.screens = screens;
        this.autoStart = autoStart;
        this.clock = clock;
        this.quit = quit;
        this.background = background;
        this.ui = ui;
        this.settingsApplied = settingsApplied;
    }

    @Override
    public void syncNow(Path repository) {
        background.execute(() -> engine.sync(repository, SyncRequest.of(Action.SYNC, Trigger.MANUAL)));
    }

    @Override
    public void syncAll() {
        background.execute(() -> engine.settings().repositories()
                .forEach(r -> engine.sync(r.workTree(), SyncRequest.of(Action.SYNC, Trigger.MANUAL))));
    }

    @Override
    public void pause(Optional<Path> repository, Optional<Duration> duration) {
        inBackground("Could not pause", () -> engine.pause(repository, duration));
    }

    @Override
    public void resume(Optional<Path> repository) {
        inBackground("Could not resume", () -> engine.resume(repository));
    }

    @Override
    public void resolve(Path repository) {
        withRepository(repository, r -> inBackground("Cannot look at the conflict in " + r.name(), () -> {
            Optional<Conflicts> conflicts = engine.conflicts(r);
            ui.execute(() -> conflicts.ifPresentOrElse(c -> showConflict(r, c), () -> {
                screens.error(r.name() + " has no conflict now", "Its branch and the remote combine cleanly (as of the last fetch); "
                        + "Tidesync syncs it now.");
                syncNow(r.workTree());
            }));
        }));
    }

    private void showConflict(RepositorySettings r, Conflicts conflicts) {
        String key = "conflict:" + r.workTree();
        ConflictViewModel model = new ConflictViewModel(r.name(), conflicts);
        screens.close(key);
        screens.window(key, "Tidesync: conflict in " + r.name(), () -> new ConflictPane(model, () -> openFolder(r.workTree()),
                () -> {
                    model.workingProperty().set(true);
                    model.problem("");
                    Map<String, Resolution> chosen = model.resolutions();
                    background.execute(() -> {
                        try {
                            engine.resolve(r, model.conflicts(), chosen);
                            ui.execute(() -> screens.close(key));
                            syncNow(r.workTree());
                        } catch (IOException | ResolveException | RuntimeException e) {
                            ui.execute(() -> {
                                model.workingProperty().set(false);
                                model.problem(e.getMessage());
                            });
                        }
                    });
                }, () -> screens.close(key)), 1040, 700, () -> { });
        // Each file's versions are read off the UI thread, one after another, so a large file never freezes the window.
        background.execute(() -> {
            for (var f : conflicts.files()) {
                try {
                    Optional<ConflictText> text = engine.conflictText(r, conflicts, f.path());
                    FileSides sides = engine.conflictSides(r, conflicts, f.path());
                    ui.execute(() -> model.loaded(f.path(), text, sides));
                } catch (IOException | ResolveException | RuntimeException e) {
                    ui.execute(() -> {
                        model.loaded(f.path(), Optional.empty(), new FileSides("?", "?"));
                        model.problem("Could not read " + f.path() + ": " + e.getMessage());
                    });
                }
            }
        });
    }

    @Override
    public void undo(Path repository) {
        withRepository(repository, r -> inBackground("Cannot undo in " + r.name(), () -> {
            Optional<SyncUndo.Undoable> undoable = engine.undoable(r);
            ui.execute(() -> undoable.ifPresentOrElse(u -> confirmUndo(r, u), () -> screens.error("Nothing to undo in " + r.name(),
                    "The last change to its branch was not a sync that brought changes in (or it has been undone already).")));
        }));
    }

    private void confirmUndo(RepositorySettings r, SyncUndo.Undoable u) {
        screens.confirm("Undo the last sync of " + r.name() + "?", "Its files go back to how they were before Tidesync's "
                + u.what() + " (" + u.restores().substring(0, 8) + "). This is a new commit, synced like any other; "
                + "nothing is deleted from history and you can undo the undo.", "Undo",
                () -> inBackground("Could not undo the sync of " + r.name(), () -> {
                    engine.undo(r);
                    syncNow(r.workTree());
                }));
    }

    @Override
    public void openFolder(Path repository) {
        screens.open(repository.toUri().toString());
    }

    @Override
    public void openRemote(Path repository) {
        withRepository(repository, r -> background.execute(() -> {
            var page = engine.webPage(r);
            ui.execute(() -> page.ifPresentOrElse(uri -> screens.open(uri.toString()),
                    () -> screens.error("No web page for " + r.name(), "Its remote is a local folder or has no URL a browser can open.")));
        }));
    }

    @Override
    public void showHistory(Optional<Path> repository) {
        if (history == null) {
            HistoryViewModel model = new HistoryViewModel();
            history = model;
            inBackground("Cannot read the change log", () -> {
                List<HistoryRecord> all = engine.history();
                ui.execute(() -> model.load(all));
            });
        }
        history.repository(repository.flatMap(p -> engine.settings().repository(p)).map(RepositorySettings::name));
        HistoryViewModel shown = history;
        screens.window("history", "Tidesync: change log", () -> new HistoryView(shown, clock), 1240, 760, () -> history = null);
    }

    /** A finished sync, as history.jsonl now has it: live in the open viewer. Call on the FX thread. */
    public void recorded(HistoryRecord record) {
        if (history != null) {
            history.add(record);
        }
    }

    @Override
    public void showStatus() {
        screens.panel();
    }

    @Override
    public void showSettings() {
        inBackground("The settings file cannot be read", () -> {
            ConfigEditor editor;
            try {
                editor = new ConfigEditor(engine.config(), s -> {
                    engine.reload();
                    ui.execute(() -> settingsApplied.accept(s));
                }, background, ui);
            } catch (ConfigException e) {
                throw new IOException(e.getMessage(), e);
            }
            ui.execute(() -> screens.window("settings", "Tidesync: settings",
                    () -> new SettingsView(editor, () -> screens.chooseFolder("Choose a git repository to keep in sync", "settings"),
                            autoStart), 780, 560, () -> { }));
        });
    }

    @Override
    public void quit() {
        quit.run();
    }

    /** The repository's settings if it is still watched; else says so and does nothing. */
    private void withRepository(Path repository, Consumer<RepositorySettings> then) {
        Optional<RepositorySettings> r = engine.settings().repository(repository);
        if (r.isEmpty()) {
            screens.error("Not watched", repository + " is no longer watched by Tidesync.");
            return;
        }
        then.accept(r.get());
    }

    private interface Work {
        void run() throws IOException, ResolveException;
    }

    private void inBackground(String failure, Work work) {
        background.execute(() -> {
            try {
                work.run();
            } catch (IOException | ResolveException | RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                ui.execute(() -> screens.error(failure, why));
            }
        });
    }
}
