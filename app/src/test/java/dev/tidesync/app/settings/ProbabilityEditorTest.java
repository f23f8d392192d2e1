package dev.tidesync.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.ConfigStore;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ProbabilityEditorTest {

    @TempDir
    static Path tmp;

    ConfigStore store;
    ProbabilityViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        store = new ConfigStore(tmp.resolve("config-" + System.nanoTime() + ".json"));
        model = new ProbabilityViewModel(store.load().settings().triggers().userPrompt().probability());
        ProbabilityEditor editor = new ProbabilityEditor(model, n -> {
            try {
                store.set("triggers.userPrompt.probability", Integer.toString(n));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stage.setScene(new Scene(editor, 420, 120));
        stage.show();
    }

    @Test
    void typingANumberShowsTheChanceAndApplyingSavesIt(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#probability").queryAs(TextField.class).setText("27"));

        assertThat(robot.lookup("#chance").queryAs(Label.class).getText()).isEqualTo("1 in 27 ≈ 3.7% of prompts");

        robot.interact(() -> robot.lookup("#probability-apply").queryAs(Button.class).fire());

        assertThat(store.load().settings().triggers().userPrompt().probability()).isEqualTo(27);
    }

    @Test
    void anImpossibleValueIsExplainedAndCannotBeApplied(FxRobot robot) {
        robot.interact(() -> robot.lookup("#probability").queryAs(TextField.class).setText("0"));

        assertThat(robot.lookup("#probability-problem").queryAs(Label.class).getText()).contains("1 (every prompt) to 1 000 000");
        assertThat(robot.lookup("#probability-apply").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void theChanceReadsNaturallyAcrossTheRange() {
        assertThat(ProbabilityViewModel.describe(1)).isEqualTo("Every prompt (100%)");
        assertThat(ProbabilityViewModel.describe(4)).isEqualTo("1 in 4 ≈ 25% of prompts");
        assertThat(ProbabilityViewModel.describe(1000)).isEqualTo("1 in 1 000 ≈ 0.1% of prompts");
        assertThat(ProbabilityViewModel.describe(250_000)).isEqualTo("1 in 250 000 ≈ 0.0004% of prompts");
    }
}
