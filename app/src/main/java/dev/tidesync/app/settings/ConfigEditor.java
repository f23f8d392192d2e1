package dev.tidesync.app.settings;

import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Paths;
import dev.tidesync.config.Settings;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every settings form writes through here: one key at a time, validated by the engine's own
 * reader, saved atomically by its config store, then applied live. A refused value comes back
 * as one sentence for the form to show beside the field; the file is then unchanged.
 */
public final class ConfigEditor {

    private final ConfigStore store;
    private final Consumer<Settings> applied;
    private Settings settings;

    public ConfigEditor(ConfigStore store, Consumer<Settings> applied) throws ConfigException {
        this.store = store;
        this.applied = applied;
        this.settings = store.load().settings();
    }

    public Settings settings() {
        return settings;
    }

    /** Sets a dotted key; the problem, if the engine refused it. */
    public Optional<String> set(String dottedKey, String rawValue) {
        try {
            settings = store.set(dottedKey, rawValue);
            applied.accept(settings);
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e.problem());
        }
    }

    /** Watches the repository whose work tree holds {@code folder}; the problem if it is not one. */
    public Optional<String> addRepository(Path folder) {
        Path workTree;
        try (GitRepo repo = GitRepo.open(folder)) {
            workTree = Paths.canonical(repo.workTree());
        } catch (NotARepositoryException e) {
            return Optional.of(folder + " is not inside a git work tree; choose a folder you cloned or ran `git init` in");
        }
        if (settings.repository(workTree).isPresent()) {
            return Optional.of(workTree + " is already watched");
        }
        try {
            settings = store.update(doc -> ConfigStore.addRepository(doc, workTree, String.valueOf(workTree.getFileName())));
            applied.accept(settings);
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e.problem());
        }
    }

    /** Stops watching; the repository itself is never touched. */
    public Optional<String> removeRepository(Path workTree) {
        try {
            settings = store.update(doc -> ConfigStore.removeRepository(doc, workTree));
            applied.accept(settings);
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e.problem());
        }
    }
}
