package dev.tidesync.app.actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What the views can ask of the app; the app carries it out through the engine and the OS. */
public interface AppActions {

    void syncNow(Path repository);

    void syncAll();

    /** @param duration empty: until resumed */
    void pause(Optional<Path> repository, Optional<Duration> duration);

    void resume(Optional<Path> repository);

    void resolve(Path repository);

    /** Undo the last sync that moved the repository's branch, after asking. */
    void undo(Path repository);

    void openFolder(Path repository);

    void openRemote(Path repository);

    void showHistory(Optional<Path> repository);

    void showSettings();

    /** The status panel, with every repository. */
    void showStatus();

    void quit();
}
