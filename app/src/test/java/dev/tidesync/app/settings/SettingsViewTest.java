package dev.tidesync.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.autostart.XdgAutoStart;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings forms write config.json through the engine's config layer, and read back what they wrote. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {

    @TempDir
    static Path tmp;

    ConfigStore store;
    List<Settings> applied = new ArrayList<>();
    SettingsView view;
    Path autostartFile;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "case");
        store = new ConfigStore(dir.resolve("config.json"));
        Path repo = dir.resolve("notes");
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
        store.update(doc -> ConfigStore.addRepository(doc, repo, "notes"));
        autostartFile = dir.resolve("autostart/tidesync.desktop");
        view = new SettingsView(new ConfigEditor(store, applied::add, Runnable::run, Runnable::run), () -> Optional.of(dir.resolve("not-a-repo")),
                new XdgAutoStart(autostartFile, List.of("/opt/tidesync/bin/Tidesync")));
        stage.setScene(new Scene(view, 760, 560));
        stage.show();
    }

    void openTab(FxRobot robot, String id) {
        robot.interact(() -> {
            TabPane tabs = view;
            tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        });
    }

    @Test
    void triggerTogglesAndDelaysAreSavedAndAppliedLive(FxRobot robot) throws Exception {
        openTab(robot, "tab-triggers");
        robot.clickOn("#trigger-poll");
        robot.doubleClickOn("#fileChange-inactivity").eraseText(3).write("2.5").type(javafx.scene.input.KeyCode.ENTER);

        Settings saved = store.load().settings();
        assertThat(saved.triggers().poll().enabled()).isFalse();
        assertThat(saved.triggers().fileChange().inactivityMs()).isEqualTo(2500);
        assertThat(applied).last().extracting(s -> s.triggers().fileChange().inactivityMs()).isEqualTo(2500L);
    }

    @Test
    void eachTriggersCommitMessageAndSilenceAreSavedAndAnEmptyMessageMeansTheDefault(FxRobot robot) throws Exception {
        openTab(robot, "tab-messages");
        robot.clickOn("#message-sessionEnd").write("true").type(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#silent-userPrompt");

        Settings saved = store.load().settings();
        assertThat(saved.triggers().sessionEnd().commitMessage()).as("kept as words, not a boolean").isEqualTo("true");
        assertThat(saved.triggers().userPrompt().silent()).isTrue();
        assertThat(saved.commitTemplate(dev.tidesync.model.Trigger.SESSION_END)).isEqualTo("true");

        robot.doubleClickOn("#message-sessionEnd").eraseText(4).type(javafx.scene.input.KeyCode.ENTER);

        assertThat(store.load().settings().triggers().sessionEnd().commitMessage()).isNull();
        assertThat(Files.readString(store.file())).doesNotContain("commitMessage");
    }

    @Test
    void aValueTheEngineRefusesIsShownInlineAndNotSaved(FxRobot robot) throws Exception {
        openTab(robot, "tab-triggers");
        String before = Files.readString(store.file());

        robot.doubleClickOn("#poll-interval").eraseText(3).write("2").type(javafx.scene.input.KeyCode.ENTER);

        assertThat(robot.lookup("#poll-interval-problem").queryAs(Label.class).getText()).contains("poll.intervalSeconds");
        assertThat(Files.readString(store.file())).isEqualTo(before);
    }

    @Test
    void repositoryModeAndExcludesRoundTrip(FxRobot robot) throws Exception {
        openTab(robot, "tab-repositories");
        @SuppressWarnings("unchecked")
        ComboBox<String> mode = robot.lookup("#repository-mode").queryAs(ComboBox.class);
        robot.interact(() -> {
            mode.setValue("pull-only");
            mode.getOnAction().handle(null);
        });
        robot.clickOn("#repository-excludes").write("*.log\nbuild/");
        robot.clickOn("#repository-mode"); // focus leaves the excludes box
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        Settings saved = store.load().settings();
        assertThat(saved.repositories().getFirst().mode().label()).isEqualTo("pull-only");
        assertThat(saved.repositories().getFirst().excludes()).containsExactly("*.log", "build/");
    }

    @Test
    void addingAFolderThatIsNotARepositorySaysSoAndRemovingForgetsTheRepository(FxRobot robot) throws Exception {
        openTab(robot, "tab-repositories");
        robot.clickOn("#add-repository");
        assertThat(robot.lookup("#repository-problem").queryAs(Label.class).getText()).contains("is not inside a git work tree");

        robot.clickOn("#remove-repository");

        assertThat(store.load().settings().repositories()).isEmpty();
        assertThat(robot.lookup("#repositories").queryAs(ListView.class).getItems()).isEmpty();
    }

    @Test
    void generalTabSetsNotificationsThemeAndStartAtLogin(FxRobot robot) throws Exception {
        openTab(robot, "tab-general");
        @SuppressWarnings("unchecked")
        ComboBox<String> notifications = robot.lookup("#notifications").queryAs(ComboBox.class);
        robot.interact(() -> {
            notifications.setValue("all");
            notifications.getOnAction().handle(null);
        });
        robot.clickOn("#start-at-login");

        assertThat(store.load().settings().desktop().notifications()).isEqualTo("all");
        assertThat(autostartFile).exists();
        assertThat(Files.readString(autostartFile)).contains("Exec=/opt/tidesync/bin/Tidesync");
        robot.clickOn("#start-at-login");
        assertThat(autostartFile).doesNotExist();
        assertThat(robot.lookup("#start-at-login").queryAs(CheckBox.class).isSelected()).isFalse();
    }

    @Test
    void theProbabilityEditorSavesThroughTheSameLayer(FxRobot robot) throws Exception {
        openTab(robot, "tab-agent-prompts");
        robot.doubleClickOn("#probability").eraseText(3).write("10");
        robot.clickOn("#probability-apply");

        assertThat(store.load().settings().triggers().userPrompt().probability()).isEqualTo(10);
        assertThat(robot.lookup("#chance").queryAs(Label.class).getText()).contains("1 in 10");
    }
}
