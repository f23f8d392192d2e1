package dev.tidesync.app.settings;

import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Paths;
import dev.tidesync.config.Settings;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Every settings form writes through here: one key at a time, validated by the engine's own
 * reader, saved atomically by its config store, then applied live. The writing happens on
 * {@code background}, never on the FX thread; the answer (a refusal as one sentence for the
 * form to show beside the field, or nothing) comes back on {@code ui}. A refused value leaves
 * the file unchanged.
 */
public final class ConfigEditor {

    private final ConfigStore store;
    private final Consumer<Settings> applied;
    private final Executor background;
    private final Executor ui;
    private volatile Settings settings;

    /**
     * @param applied    runs on {@code background} after each change was saved (the engine reloads)
     * @param background where the file is written: one change at a time, in order
     */
    public ConfigEditor(ConfigStore store, Consumer<Settings> applied, Executor background, Executor ui) throws ConfigException {
        this.store = store;
        this.applied = applied;
        this.background = new Serial(background);
        this.ui = ui;
        this.settings = store.load().settings();
    }

    public Settings settings() {
        return settings;
    }

    /** Sets a dotted key; {@code done} hears the problem, if the engine refused it. */
    public void set(String dottedKey, String rawValue, Consumer<Optional<String>> done) {
        change(() -> store.set(dottedKey, rawValue), done);
    }

    /** Watches the repository whose work tree holds {@code folder}; {@code done} hears the problem if it is not one. */
    public void addRepository(Path folder, Consumer<Optional<String>> done) {
        background.execute(() -> {
            Path workTree;
            try (GitRepo repo = GitRepo.open(folder)) {
                workTree = Paths.canonical(repo.workTree());
            } catch (NotARepositoryException e) {
                ui.execute(() -> done.accept(Optional.of(folder + " is not inside a git work tree; choose a folder you cloned or ran `git init` in")));
                return;
            }
            if (settings.repository(workTree).isPresent()) {
                ui.execute(() -> done.accept(Optional.of(workTree + " is already watched")));
                return;
            }
            apply(() -> store.update(doc -> ConfigStore.addRepository(doc, workTree, String.valueOf(workTree.getFileName()))), done);
        });
    }

    /** Stops watching; the repository itself is never touched. */
    public void removeRepository(Path workTree, Consumer<Optional<String>> done) {
        change(() -> store.update(doc -> ConfigStore.removeRepository(doc, workTree)), done);
    }

    /** Work of the settings window that touches the disk (start at login): run in order with the saves. */
    public void run(java.util.concurrent.Callable<Optional<String>> work, Consumer<Optional<String>> done) {
        background.execute(() -> {
            Optional<String> problem;
            try {
                problem = work.call();
            } catch (Exception e) {
                problem = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            Optional<String> answer = problem;
            ui.execute(() -> done.accept(answer));
        });
    }

    private interface Write {
        Settings run() throws ConfigException;
    }

    private void change(Write write, Consumer<Optional<String>> done) {
        background.execute(() -> apply(write, done));
    }

    private void apply(Write write, Consumer<Optional<String>> done) {
        try {
            settings = write.run();
            applied.accept(settings);
            ui.execute(() -> done.accept(Optional.empty()));
        } catch (ConfigException e) {
            ui.execute(() -> done.accept(Optional.of(e.problem())));
        }
    }

    /** Runs tasks one after another on {@code delegate}: changes to one file must not overtake each other. */
    private static final class Serial implements Executor {
        private final Executor delegate;
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private boolean running;

        Serial(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void execute(Runnable task) {
            queue.add(task);
            if (!running) {
                running = true;
                delegate.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                next.run();
            }
        }
    }
}
