package dev.tidesync.app.status;

import static dev.tidesync.app.status.Rows.conflict;
import static dev.tidesync.app.status.Rows.failed;
import static dev.tidesync.app.status.Rows.row;
import static dev.tidesync.app.status.Rows.syncing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.actions.RecordingActions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StatusPanelTest {

    final StatusViewModel model = new StatusViewModel(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    final RecordingActions actions = new RecordingActions();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StatusPanel(model, actions), 460, 560));
        stage.show();
    }

    @Test
    void eachStateGetsItsRowLabelAndAction(FxRobot robot) {
        robot.interact(() -> model.show(List.of(row("notes", "synced"), syncing("dotfiles"), conflict("thesis", "ch2.md"),
                failed("work", "offline", "work could not be reached"), failed("blog", "auth", "Authentication failed for origin"),
                row("archive", "paused")), false));

        assertThat(stateOf(robot, "notes")).isEqualTo("synced");
        assertThat(stateOf(robot, "dotfiles")).isEqualTo("syncing");
        assertThat(stateOf(robot, "thesis")).isEqualTo("conflict");
        assertThat(stateOf(robot, "work")).isEqualTo("offline");
        assertThat(stateOf(robot, "blog")).isEqualTo("⚠ needs attention");
        assertThat(stateOf(robot, "archive")).isEqualTo("paused");
        assertThat(actionOf(robot, "thesis").getText()).isEqualTo("Resolve…");
        assertThat(actionOf(robot, "archive").getText()).isEqualTo("Resume");
        assertThat(actionOf(robot, "dotfiles").isDisabled()).as("no second sync while one runs").isTrue();
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).isEqualTo("Needs your attention (thesis)");
    }

    @Test
    void aRowsButtonAsksTheAppForItsAction(FxRobot robot) {
        robot.interact(() -> model.show(List.of(conflict("thesis", "ch2.md"), row("notes", "synced")), false));

        robot.interact(() -> actionOf(robot, "thesis").fire());
        robot.interact(() -> actionOf(robot, "notes").fire());
        robot.interact(() -> robot.lookup("#sync-all").queryButton().fire());

        assertThat(actions.calls).containsExactly("resolve /home/me/thesis", "sync /home/me/notes", "sync all");
    }

    @Test
    void theHeaderSaysWhereTheAnnouncementChannelStandsAndNothingWhileItIsOff(FxRobot robot) {
        robot.interact(() -> model.show(List.of(row("notes", "synced")), false));
        Label channel = robot.lookup("#channel").queryAs(Label.class);
        assertThat(channel.isVisible()).as("announcements off: no line about them").isFalse();

        robot.interact(() -> model.channel(new dev.tidesync.announce.ChannelState.Connected("mqtts://broker.example.net:8883")));
        assertThat(channel.isVisible()).isTrue();
        assertThat(channel.getText()).isEqualTo("Other machines' pushes arrive at once (mqtts://broker.example.net:8883)");

        robot.interact(() -> model.channel(new dev.tidesync.announce.ChannelState.Failed("mqtts://broker.example.net:8883",
                "mqtts://broker.example.net:8883 refused the user name or password; check announce.username and announce.passwordFile")));
        assertThat(channel.getText()).startsWith("Announcements: mqtts://broker.example.net:8883 refused the user name or password");
    }

    @Test
    void frozenNoRemoteAndHeldBackFilesEachSayWhatTheyAre(FxRobot robot) {
        robot.interact(() -> model.show(List.of(Rows.of("cold", new dev.tidesync.status.RepoState.Frozen(), "Frozen by .tidesync-freeze"),
                Rows.of("scratch", new dev.tidesync.status.RepoState.LocalOnly(), "No remote to sync with"),
                Rows.heldBack("notes", ".env", "looks like a secret (dotenv file)")), false));

        assertThat(stateOf(robot, "cold")).isEqualTo("❄ frozen");
        assertThat(actionOf(robot, "cold").getText()).isEqualTo("Open folder");
        assertThat(stateOf(robot, "scratch")).isEqualTo("no remote");
        assertThat(robot.lookup("#held-notes").queryAs(Label.class).getText()).isEqualTo("Held back: .env (looks like a secret (dotenv file))");
        robot.interact(() -> actionOf(robot, "cold").fire());
        assertThat(actions.calls).containsExactly("open folder /home/me/cold");
    }

    @Test
    void withNoRepositoriesItSaysHowToAddOne(FxRobot robot) {
        robot.interact(() -> model.show(List.of(), false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#empty").queryAs(Label.class).getText()).contains("tidesync add");
    }

    private static String stateOf(FxRobot robot, String name) {
        return robot.lookup("#row-" + name).queryAs(HBox.class).lookupAll(".state-label").stream()
                .map(n -> ((Label) n).getText()).findFirst().orElseThrow();
    }

    private static Button actionOf(FxRobot robot, String name) {
        return (Button) robot.lookup("#row-" + name).queryAs(HBox.class).lookup(".row-action");
    }
}
