package dev.tidesync.app.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictFile;
import dev.tidesync.git.resolve.ConflictFile.Kind;
import dev.tidesync.git.resolve.Conflicts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConflictPaneTest {

    final ConflictViewModel model = new ConflictViewModel("notes", new Conflicts("refs/heads/main", "a".repeat(40), "b".repeat(40),
            "origin/main", List.of(new ConflictFile("notes.md", Kind.BOTH_CHANGED, false), new ConflictFile("old.txt", Kind.DELETED_THERE, false))));
    final AtomicInteger resolved = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new ConflictPane(model, opened::incrementAndGet, resolved::incrementAndGet, () -> { }), 680, 420));
        stage.show();
    }

    @Test
    void resolvingWaitsUntilEveryFileHasAChoice(FxRobot robot) {
        Button resolve = robot.lookup("#resolve").queryButton();
        assertThat(resolve.isDisabled()).isTrue();

        robot.clickOn("#choice-0-mine");
        assertThat(resolve.isDisabled()).as("old.txt still has no choice").isTrue();
        robot.clickOn("#choice-1-theirs");
        robot.clickOn(resolve);

        assertThat(resolved.get()).isEqualTo(1);
        assertThat(model.chosen()).isEqualTo(Map.of("notes.md", Choice.MINE, "old.txt", Choice.THEIRS));
    }

    @Test
    void eachChoiceSaysWhatWillHappenAndBulkButtonsChooseForAll(FxRobot robot) {
        robot.clickOn("Keep both for all");

        assertThat(model.chosen()).containsValues(Choice.BOTH, Choice.BOTH);
        assertThat(robot.lookup("the remote's version in place, yours beside it as a copy").tryQuery()).isPresent();
        robot.clickOn("#choice-1-theirs");
        assertThat(robot.lookup("deleted, as on the remote").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#resolve").queryButton().isDisabled()).isFalse();
    }

    @Test
    void theEnginesRefusalShowsInTheDialog(FxRobot robot) {
        robot.interact(() -> model.problem("The branch moved since the conflict was shown; look at it again, nothing was changed"));

        assertThat(robot.lookup("#conflict-problem").queryAs(Label.class).getText()).contains("branch moved");
        robot.clickOn("Open folder");
        assertThat(opened.get()).isEqualTo(1);
    }
}
