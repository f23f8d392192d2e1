package dev.tidesync.app;

import dev.tidesync.autostart.AutoStart;
import dev.tidesync.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the app asks once, on its first start after installing: whether to start at login. The
 * answer is remembered by a marker file in the state folder, written only once the user has
 * answered, so a crash before that asks again rather than deciding for them.
 */
final class FirstRun {

    /** Puts a yes/no question to the user without blocking, and reports the answer. */
    @FunctionalInterface
    interface Question {
        void ask(String title, String sentence, String yes, String no, Consumer<Boolean> answer);
    }

    /** Reports what could not be done with the user's answer. */
    @FunctionalInterface
    interface Problem {
        void show(String title, String sentence);
    }

    private final Path marker;
    private final Clock clock;
    private final Executor background;
    private final Executor ui;

    /** @param background where the files are read and written; {@code ui} where the question is put */
    FirstRun(Path stateDir, Clock clock, Executor background, Executor ui) {
        this.marker = stateDir.resolve("first-run.done");
        this.clock = clock;
        this.background = background;
        this.ui = ui;
    }

    boolean due() {
        return !Files.exists(marker);
    }

    void offerAutoStart(AutoStart autoStart, Question question, Problem problem) {
        background.execute(() -> {
            if (!due()) {
                return;
            }
            if (!autoStart.available() || autoStart.enabled()) {
                done(); // nothing to ask: unsupported here, or already chosen (by an earlier install, say)
                return;
            }
            ui.execute(() -> question.ask("Start Tidesync when you log in?",
                    "Tidesync syncs your repositories only while it runs. It can start by itself each time you log in; "
                            + "you can change this later under Settings → General.",
                    "Start at login", "Not now", yes -> background.execute(() -> answered(yes, autoStart, problem))));
        });
    }

    private void answered(boolean yes, AutoStart autoStart, Problem problem) {
        if (yes) {
            try {
                autoStart.enable();
            } catch (IOException e) {
                ui.execute(() -> problem.show("Tidesync could not set itself to start at login",
                        "Writing " + autoStart.describe() + " failed: " + e.getMessage() + ". Try again under Settings → General."));
            }
        }
        done();
    }

    private void done() {
        try {
            Files.createDirectories(marker.getParent());
            AtomicFile.write(marker, (clock.instant() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Asking again next start is the lesser harm.
        }
    }
}
