package dev.tidesync.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.autostart.XdgAutoStart;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.ResolveException;
import dev.tidesync.git.resolve.SyncUndo;
import dev.tidesync.model.SyncRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the menu and the panel ask reaches the engine off the FX thread, and what goes wrong comes
 * back to the windows on it. The engine is a fake that notes the thread of every call.
 */
@ExtendWith(ApplicationExtension.class)
class AppControllerTest {

    @TempDir
    Path tmp;

    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    final FakeEngine engine = new FakeEngine();
    final FakeScreens screens = new FakeScreens();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    AppController controller() {
        return new AppController(engine, screens, new XdgAutoStart(tmp.resolve("autostart.desktop"), List.of("tidesync")),
                Clock.systemUTC(), () -> { }, background, Platform::runLater, s -> { });
    }

    @Test
    void pausingResumingAndSyncingRunOffTheFxThread(FxRobot robot) throws Exception {
        AppController c = controller();
        robot.interact(() -> {
            c.pause(Optional.empty(), Optional.of(Duration.ofHours(1)));
            c.resume(Optional.of(FakeEngine.NOTES));
            c.syncNow(FakeEngine.NOTES);
        });

        engine.await(3);
        assertThat(engine.calls).containsExactlyInAnyOrder("pause all PT1H", "resume " + FakeEngine.NOTES, "sync " + FakeEngine.NOTES);
        assertThat(engine.onFxThread).as("engine calls made on the FX thread").isEmpty();
    }

    @Test
    void aFailureInTheBackgroundIsShownOnTheFxThreadAsOneSentence(FxRobot robot) throws Exception {
        engine.failPause = new IOException("another Tidesync process kept journal.lock locked for 30 s");
        AppController c = controller();

        robot.interact(() -> c.pause(Optional.empty(), Optional.empty()));
        screens.await();

        assertThat(screens.errors).containsExactly("Could not pause: another Tidesync process kept journal.lock locked for 30 s");
        assertThat(screens.offFxThread).as("window calls made off the FX thread").isEmpty();
    }

    @Test
    void openingTheRemoteOfARepositoryThatIsNotWatchedSaysSo(FxRobot robot) throws Exception {
        AppController c = controller();

        robot.interact(() -> c.openRemote(Path.of("/somewhere/else")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(screens.errors).containsExactly("Not watched: /somewhere/else is no longer watched by Tidesync.");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void theSettingsWindowIsBuiltFromAConfigReadOffTheFxThread(FxRobot robot) throws Exception {
        AppController c = controller();

        robot.interact(c::showSettings);
        screens.await();

        assertThat(screens.windows).containsExactly("settings");
        assertThat(engine.onFxThread).isEmpty();
    }

    /** The engine as the controller sees it; notes each call and the thread it came on. */
    static final class FakeEngine implements EnginePort {
        static final Path NOTES = Path.of("/home/me/notes");
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<String> onFxThread = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(3);
        IOException failPause;
        ConfigStore store;

        private void called(String what) {
            calls.add(what);
            if (Platform.isFxApplicationThread()) {
                onFxThread.add(what);
            }
            done.countDown();
        }

        void await(int n) throws InterruptedException {
            assertThat(done.await(10, TimeUnit.SECONDS)).as(n + " engine calls").isTrue();
        }

        @Override
        public Settings settings() {
            return Settings.defaults().withRepositories(List.of(RepositorySettings.of(NOTES, List.of(), SyncMode.AUTO_COMMIT)));
        }

        @Override
        public void sync(Path workTree, SyncRequest request) {
            called("sync " + workTree);
        }

        @Override
        public void pause(Optional<Path> workTree, Optional<Duration> duration) throws IOException {
            called("pause " + workTree.map(Path::toString).orElse("all") + " " + duration.map(Duration::toString).orElse("until resumed"));
            if (failPause != null) {
                throw failPause;
            }
        }

        @Override
        public void resume(Optional<Path> workTree) {
            called("resume " + workTree.map(Path::toString).orElse("all"));
        }

        @Override
        public void reload() {
            called("reload");
        }

        @Override
        public ConfigStore config() {
            called("config");
            return new ConfigStore(Path.of(System.getProperty("java.io.tmpdir"), "tidesync-controller-spec-" + ProcessHandle.current().pid()
                    + ".json"));
        }

        @Override
        public List<HistoryRecord> history() {
            called("history");
            return List.of();
        }

        @Override
        public Optional<Conflicts> conflicts(RepositorySettings repository) {
            called("conflicts");
            return Optional.empty();
        }

        @Override
        public Optional<dev.tidesync.git.resolve.ConflictText> conflictText(RepositorySettings repository, Conflicts conflicts, String path) {
            called("conflictText");
            return Optional.empty();
        }

        @Override
        public dev.tidesync.git.resolve.FileSides conflictSides(RepositorySettings repository, Conflicts conflicts, String path) {
            called("conflictSides");
            return new dev.tidesync.git.resolve.FileSides("a text file of 1 byte", "deleted on the other machine");
        }

        @Override
        public void resolve(RepositorySettings repository, Conflicts conflicts,
                            Map<String, dev.tidesync.git.resolve.Resolution> choices) throws ResolveException {
            called("resolve");
        }

        @Override
        public Optional<SyncUndo.Undoable> undoable(RepositorySettings repository) {
            called("undoable");
            return Optional.empty();
        }

        @Override
        public void undo(RepositorySettings repository) {
            called("undo");
        }

        @Override
        public Optional<URI> webPage(RepositorySettings repository) {
            called("web page");
            return Optional.empty();
        }
    }

    /** The windows as the controller sees them; notes errors and windows opened, and calls off the FX thread. */
    static final class FakeScreens implements Screens {
        final List<String> errors = new CopyOnWriteArrayList<>();
        final List<String> windows = new CopyOnWriteArrayList<>();
        final List<String> offFxThread = new CopyOnWriteArrayList<>();
        final CountDownLatch shown = new CountDownLatch(1);

        private void called(String what) {
            if (!Platform.isFxApplicationThread()) {
                offFxThread.add(what);
            }
        }

        void await() throws InterruptedException {
            assertThat(shown.await(10, TimeUnit.SECONDS)).as("something shown").isTrue();
            WaitForAsyncUtils.waitForFxEvents();
        }

        @Override
        public void error(String title, String sentence) {
            called("error");
            errors.add(title + ": " + sentence);
            shown.countDown();
        }

        @Override
        public void confirm(String title, String sentence, String yesLabel, Runnable yes) {
            called("confirm");
        }

        @Override
        public void panel() {
            called("panel");
            windows.add("panel");
        }

        @Override
        public void window(String key, String title, Supplier<Parent> content, double width, double height, Runnable closed) {
            called("window");
            windows.add(key);
            content.get();
            shown.countDown();
        }

        @Override
        public void close(String key) {
            called("close");
        }

        @Override
        public Optional<Path> chooseFolder(String title, String ownerKey) {
            return Optional.empty();
        }

        @Override
        public void open(String uri) {
            called("open");
        }
    }
}
