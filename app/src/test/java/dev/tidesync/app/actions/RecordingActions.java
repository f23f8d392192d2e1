package dev.tidesync.app.actions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the views asked for, as "action path". */
public final class RecordingActions implements AppActions {

    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void syncNow(Path repository) {
        calls.add("sync " + repository);
    }

    @Override
    public void syncAll() {
        calls.add("sync all");
    }

    @Override
    public void pause(Optional<Path> repository, Optional<Duration> duration) {
        calls.add("pause " + repository.map(Path::toString).orElse("all") + " " + duration.map(Duration::toString).orElse("until resumed"));
    }

    @Override
    public void resume(Optional<Path> repository) {
        calls.add("resume " + repository.map(Path::toString).orElse("all"));
    }

    @Override
    public void resolve(Path repository) {
        calls.add("resolve " + repository);
    }

    @Override
    public void undo(Path repository) {
        calls.add("undo " + repository);
    }

    @Override
    public void openFolder(Path repository) {
        calls.add("open folder " + repository);
    }

    @Override
    public void openRemote(Path repository) {
        calls.add("open remote " + repository);
    }

    @Override
    public void showHistory(Optional<Path> repository) {
        calls.add("history " + repository.map(Path::toString).orElse("all"));
    }

    @Override
    public void showSettings() {
        calls.add("settings");
    }

    @Override
    public void showStatus() {
        calls.add("status");
    }

    @Override
    public void quit() {
        calls.add("quit");
    }
}
