package dev.tidesync.app.conflict;

import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitAccess;
import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.HunkChoice;
import dev.tidesync.git.resolve.Resolution;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.SyncResult;
import dev.tidesync.resolve.Repairs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The conflict window on a real conflict between two clones of one remote: the places where a
 * text file's versions disagree side by side, a choice for each, the result previewed, and the
 * engine's commit equal to the preview byte for byte; a binary file deleted on one side shown
 * for what each side has.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictPaneTest {

    /** Long enough that the window must not build a node per line (and the engine reads it off the UI thread). */
    static final int LONG_FILE_LINES = 25_000;

    @TempDir
    Path tmp;

    Path desktop;
    Path laptop;
    GitFixture fx;
    Repairs repairs;
    RepositorySettings repository;
    Conflicts conflicts;
    ConflictViewModel model;
    final AtomicInteger resolved = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        fx = new GitFixture(tmp);
        laptop = fx.machine("laptop");
        write(laptop, "plan.md", "# Plan\nmonday: write\ntuesday: read\nwednesday: rest\nthursday: write\nfriday: ship\n");
        write(laptop, "logo.png", "\u0089PNG\0\0shared");
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= LONG_FILE_LINES; i++) {
            log.append("entry ").append(i).append('\n');
        }
        write(laptop, "log.txt", log.toString());
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        desktop = fx.machine("desktop");
        write(laptop, "plan.md", "# Plan\nmonday: write chapter 1\ntuesday: read\nwednesday: rest\nthursday: write\nfriday: ship it\n");
        write(laptop, "logo.png", "\u0089PNG\0\0laptop's logo");
        write(laptop, "log.txt", log + "entry from the laptop\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        write(desktop, "plan.md", "# Plan for December\nmonday: edit\ntuesday: read\nwednesday: rest\nthursday: write\nfriday: release\n");
        Files.delete(desktop.resolve("logo.png"));
        write(desktop, "log.txt", log + "entry from the desktop\n");
        assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.CONFLICT);

        Clock clock = Clock.systemUTC();
        repairs = new Repairs(Settings.defaults(), GitAccess.jgitOnly(), clock, "desktop",
                new Journal(TidesyncHome.single(tmp.resolve("home")), Settings.defaults().history(), clock));
        repository = RepositorySettings.of(desktop, List.of(), SyncMode.AUTO_COMMIT);
        conflicts = repairs.conflicts(repository).orElseThrow();
        model = new ConflictViewModel("notes", conflicts);
        for (var f : conflicts.files()) {
            model.loaded(f.path(), repairs.text(repository, conflicts, f.path()), repairs.sides(repository, conflicts, f.path()));
        }
        stage.setScene(new Scene(new ConflictPane(model, opened::incrementAndGet, resolved::incrementAndGet, () -> { }), 1040, 700));
        stage.show();
    }

    private void select(FxRobot robot, String path) {
        robot.interact(() -> {
            ListView<?> files = robot.lookup("#file-list").queryAs(ListView.class);
            files.getSelectionModel().select(conflicts.files().stream().map(f -> f.path()).toList().indexOf(path));
        });
    }

    private byte[] previewed(String path) throws Exception {
        ConflictViewModel.FileState f = model.file(path);
        return f.wholeProperty().get() == null ? f.textProperty().get().merged(f.parts()) : null;
    }

    @Test
    void eachPlaceIsChosenTheResultIsPreviewedAndTheEngineCommitsExactlyThePreview(FxRobot robot) throws Exception {
        Button resolve = robot.lookup("#resolve").queryButton();
        select(robot, "plan.md");
        assertThat(robot.lookup("plan.md  ·  2 places where both changed it").tryQuery()).isPresent();

        robot.clickOn("#part-1-both");
        robot.clickOn("Result");
        ConflictPane pane = (ConflictPane) robot.lookup(".conflict-pane").query();
        List<String> halfway = pane.previewLines();
        robot.clickOn("Side by side");
        robot.clickOn("#part-2-theirs");
        robot.clickOn("Result");
        List<String> preview = pane.previewLines();
        assertThat(resolve.isDisabled()).as("log.txt and logo.png still wait").isTrue();
        select(robot, "log.txt");
        robot.clickOn("#part-1-mine");
        select(robot, "logo.png");
        robot.clickOn("#whole-theirs");
        robot.clickOn(resolve);

        assertThat(halfway).endsWith("⟨place 2: choose mine, theirs or both⟩");
        assertThat(preview).containsExactly("# Plan for December", "monday: edit", "# Plan", "monday: write chapter 1",
                "tuesday: read", "wednesday: rest", "thursday: write", "friday: ship it");
        assertThat(resolved.get()).isEqualTo(1);
        Map<String, Resolution> chosen = model.resolutions();
        assertThat(chosen).containsEntry("plan.md", new Resolution.ByPart(List.of(HunkChoice.BOTH, HunkChoice.THEIRS)))
                .containsEntry("logo.png", new Resolution.Whole(Choice.THEIRS));
        byte[] plan = previewed("plan.md");
        byte[] longFile = previewed("log.txt");
        repairs.resolve(repository, conflicts, chosen);
        assertThat(Files.readAllBytes(desktop.resolve("plan.md"))).as("the engine wrote the preview").isEqualTo(plan);
        assertThat(new String(plan, StandardCharsets.UTF_8)).isEqualTo(String.join("\n", preview) + "\n");
        assertThat(Files.readAllBytes(desktop.resolve("log.txt"))).isEqualTo(longFile);
        assertThat(Files.readString(desktop.resolve("log.txt"))).endsWith("entry 25000\nentry from the desktop\n");
        assertThat(Files.readString(desktop.resolve("logo.png"))).endsWith("laptop's logo");
    }

    @Test
    void aBinaryFileDeletedHereShowsWhatEachSideHasAndTakesAWholeChoice(FxRobot robot) {
        select(robot, "logo.png");

        assertThat(robot.lookup("#side-mine").queryAs(Label.class).getText()).isEqualTo("This computer: deleted");
        assertThat(robot.lookup("#side-theirs").queryAs(Label.class).getText()).startsWith("origin/main: a PNG image of ");
        robot.clickOn("#whole-both");
        assertThat(robot.lookup("the remote's version comes back").tryQuery()).isPresent();
    }

    @Test
    void everyChoiceCanBeUndoneAndWholeChoicesGiveWayToChoosingPlaceByPlace(FxRobot robot) {
        select(robot, "plan.md");
        robot.clickOn("#whole-mine");
        robot.clickOn("#part-1-theirs");
        assertThat(model.file("plan.md").wholeProperty().get()).isNull();
        assertThat(model.file("plan.md").parts()).containsExactly(HunkChoice.THEIRS, null);

        robot.clickOn("#undo");
        assertThat(model.file("plan.md").wholeProperty().get()).isEqualTo(Choice.MINE);
        robot.clickOn("#undo");
        assertThat(model.file("plan.md").wholeProperty().get()).isNull();
        assertThat(robot.lookup("#undo").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theLongFileShowsItsOnePlaceWithTheUnchangedLinesFolded(FxRobot robot) {
        select(robot, "log.txt");

        ListView<?> rows = robot.lookup("#side-by-side").queryAs(ListView.class);
        assertThat(rows.getItems()).hasSizeLessThan(20);
        assertThat(robot.lookup("⋯ " + (LONG_FILE_LINES - 2 * SideBySide.CONTEXT) + " unchanged lines").tryQuery()).isPresent();
    }

    @Test
    void bulkChoicesAndTheEnginesRefusalShowInTheWindow(FxRobot robot) {
        robot.clickOn("Keep both for all");
        assertThat(robot.lookup("#resolve").queryButton().isDisabled()).isFalse();

        robot.interact(() -> model.problem("The branch moved since the conflict was shown; look at it again, nothing was changed"));
        assertThat(robot.lookup("#conflict-problem").queryAs(Label.class).getText()).contains("branch moved");
        robot.clickOn("Open folder");
        assertThat(opened.get()).isEqualTo(1);
    }
}
