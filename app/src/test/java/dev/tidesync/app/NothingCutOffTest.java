package dev.tidesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.actions.RecordingActions;
import dev.tidesync.app.conflict.ConflictPane;
import dev.tidesync.app.conflict.ConflictViewModel;
import dev.tidesync.app.history.HistoryView;
import dev.tidesync.app.history.HistoryViewModel;
import dev.tidesync.app.settings.ConfigEditor;
import dev.tidesync.app.settings.SettingsView;
import dev.tidesync.app.status.RepoRow;
import dev.tidesync.app.status.StatusPanel;
import dev.tidesync.app.status.StatusViewModel;
import dev.tidesync.autostart.XdgAutoStart;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.git.resolve.ConflictFile;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.model.Action;
import dev.tidesync.model.HeldBack;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import dev.tidesync.status.RepoState;
import dev.tidesync.status.RepoStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing is cut off: in each main window, opened at the size the app gives it, no label,
 * button, tab or table cell shows an ellipsis instead of its text, with the default font and
 * with a font twice as large (as at 200 % scaling).
 */
@ExtendWith(ApplicationExtension.class)
class NothingCutOffTest {

    static final Instant NOW = Instant.parse("2026-12-06T18:40:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private final List<Stage> stages = new ArrayList<>();

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stages.forEach(Stage::close));
    }

    /** Opens {@code root} as the app opens its windows, the font scaled by {@code scale}. */
    private Parent open(FxRobot robot, Supplier<Parent> content, double width, double height, double scale) {
        List<Parent> made = new ArrayList<>();
        robot.interact(() -> {
            Parent root = content.get();
            root.setStyle("-fx-font-size: " + Font.getDefault().getSize() * scale + "px;");
            Stage stage = new Stage();
            stage.setTitle("Tidesync: spec");
            stage.setScene(new Scene(root));
            WindowSize.fit(stage, root, width, height, Screen.getPrimary().getVisualBounds());
            stage.show();
            stages.add(stage);
            made.add(root);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return made.getFirst();
    }

    /** Every visible Labeled whose drawn text is not its text: "its text → what is drawn". */
    static List<String> cutOff(Node root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getWidth() > 0) {
            Node drawn = l.lookup(".text");
            if (drawn instanceof Text t && t.getParent() == l) {
                String want = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
                String shown = l.isMnemonicParsing() ? t.getText().replace("_", "") : t.getText();
                if (!shown.replace("\n", " ").strip().equals(want.replace("\n", " ").strip())) {
                    cut.add(l.getClass().getSimpleName() + " '" + want + "' → '" + shown + "'");
                }
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, cut));
        }
    }

    private List<String> everyTab(FxRobot robot, TabPane tabs) {
        List<String> cut = new ArrayList<>();
        for (Tab tab : tabs.getTabs()) {
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> cut.addAll(cutOff(tabs).stream().map(c -> tab.getText() + ": " + c).toList()));
        }
        return cut;
    }

    static RepoRow row(String name, RepoState state, String message, List<HeldBack> held, String attention) {
        Path path = Path.of("/home/me/" + name);
        return RepoRow.of(path, new RepoStatus(path.toString(), name, "main", state, 2, 1, 0, state instanceof RepoState.Conflict c ? c.paths()
                : List.of(), held, List.of("origin"), new RepoStatus.LastSyncView(NOW.minus(Duration.ofMinutes(3)), "poll", "failed", 80),
                NOW.minus(Duration.ofHours(5)), "auto-commit", message, attention));
    }

    @ParameterizedTest(name = "font ×{0}")
    @ValueSource(doubles = {1, 2})
    void theStatusPanel(double scale, FxRobot robot) {
        StatusViewModel model = new StatusViewModel(CLOCK);
        robot.interact(() -> model.show(List.of(
                row("notes", new RepoState.Conflict(List.of("chapters/03-results.md")), "Conflict in notes: chapters/03-results.md changed here "
                        + "and on origin/main; your files are untouched and nothing was pushed. Choose what to keep with Resolve…", List.of(), null),
                row("dotfiles", new RepoState.Error("auth", "Authentication failed for origin"), "Authentication failed for origin: "
                        + "the remote refused the credentials; check the ssh key or the credential helper", List.of(), "Authentication failed"),
                row("thesis", new RepoState.Synced(), "Up to date; 1 held back", List.of(new HeldBack(".env", "looks like a secret (dotenv file)")),
                        null),
                row("scratch", new RepoState.LocalOnly(), "No remote to sync with: changes are committed here only; add one with "
                        + "`git remote add origin URL`", List.of(), null),
                row("cold", new RepoState.Frozen(), "Frozen by .tidesync-freeze; delete that file to let Tidesync sync it again", List.of(), null),
                row("archive", new RepoState.Paused(null), "Paused until resumed", List.of(), null)), false));
        robot.interact(() -> model.channel(new dev.tidesync.announce.ChannelState.Connecting("mqtts://broker.example.net:8883")));

        Parent panel = open(robot, () -> new StatusPanel(model, new RecordingActions()), 0, 0, scale);

        robot.interact(() -> assertThat(cutOff(panel)).isEmpty());
    }

    @ParameterizedTest(name = "font ×{0}")
    @ValueSource(doubles = {1, 2})
    void theChangeLog(double scale, FxRobot robot) {
        HistoryViewModel model = new HistoryViewModel();
        List<HistoryRecord> records = new ArrayList<>();
        Trigger[] triggers = Trigger.values();
        for (int i = 0; i < 400; i++) {
            Trigger t = triggers[i % triggers.length];
            SyncResult r = i % 7 == 0 ? SyncResult.FAILED : SyncResult.OK;
            records.add(new HistoryRecord(NOW.minus(Duration.ofHours(i * 3L)), "/home/me/repository-" + i % 4, "repository-with-a-long-name-" + i % 4,
                    "laptop", t, Action.SYNC, r, r == SyncResult.FAILED ? "remote could not be reached" : "Committed 12 files, pushed 1 commit",
                    i % 3, i % 5, null, List.of("M a.md"), List.of(), List.of(), 12_345 + i, null, null, null, null, null, List.of()));
        }
        robot.interact(() -> model.load(records));

        Parent view = open(robot, () -> new HistoryView(model, CLOCK), 1240, 760, scale);
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS); // the chart and column sizes settle after a pause

        robot.interact(() -> assertThat(cutOff(view)).isEmpty());
    }

    @ParameterizedTest(name = "font ×{0}")
    @ValueSource(doubles = {1, 2})
    void theSettings(double scale, FxRobot robot) throws Exception {
        ConfigStore store = new ConfigStore(tmp.resolve("config.json"));
        Path repo = tmp.resolve("notes");
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
        store.update(doc -> ConfigStore.addRepository(doc, repo, "notes"));
        ConfigEditor editor = new ConfigEditor(store, s -> { }, Runnable::run, Runnable::run);

        Parent view = open(robot, () -> new SettingsView(editor, Optional::empty, new XdgAutoStart(tmp.resolve("autostart.desktop"),
                List.of("/opt/tidesync/bin/Tidesync"))), 780, 560, scale);

        assertThat(everyTab(robot, (TabPane) view)).isEmpty();
    }

    @ParameterizedTest(name = "font ×{0}")
    @ValueSource(doubles = {1, 2})
    void theConflictWindow(double scale, FxRobot robot) {
        Conflicts conflicts = new Conflicts("refs/heads/main", "a".repeat(40), "b".repeat(40), "origin/main", List.of(
                new ConflictFile("chapters/03-results.md", ConflictFile.Kind.BOTH_CHANGED, false),
                new ConflictFile("figures/overview.png", ConflictFile.Kind.DELETED_HERE, true)));
        ConflictViewModel model = new ConflictViewModel("thesis", conflicts);
        robot.interact(() -> {
            model.loaded("chapters/03-results.md", Optional.of(ConflictText.of("chapters/03-results.md",
                    bytes("# Results\nThe effect is small.\nSee table 2.\n"), bytes("# Results\nThe effect is large (p < 0.01).\nSee table 2.\n"),
                    bytes("# Results\nThe effect is moderate.\nSee table 2.\n"))), new FileSides("a text file of 38 bytes", "a text file of 40 bytes"));
            model.loaded("figures/overview.png", Optional.empty(), new FileSides("deleted", "a PNG image of 240 KB"));
        });

        Parent pane = open(robot, () -> new ConflictPane(model, () -> { }, () -> { }, () -> { }), 1040, 700, scale);
        robot.interact(() -> assertThat(cutOff(pane)).isEmpty());
        robot.interact(() -> ((javafx.scene.control.ListView<?>) pane.lookup("#file-list")).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertThat(cutOff(pane)).isEmpty());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
