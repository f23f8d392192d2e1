package dev.tidesync.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:30:00Z");
    final HistoryViewModel model = new HistoryViewModel();

    static HistoryRecord record(int i, String name, Trigger trigger, SyncResult result, String message, List<String> files) {
        return new HistoryRecord(NOW.minus(Duration.ofMinutes(i)), "/home/u/" + name, name, "laptop", trigger, Action.SYNC, result,
                message, 0, files.isEmpty() ? 0 : 1, files.isEmpty() ? null : String.format("%040x", i), files, List.of(), List.of(),
                40 + i % 100, result == SyncResult.FAILED ? "offline" : null, null, null, null, null, List.of());
    }

    /** 100 000 syncs over three repositories, oldest first, as history.jsonl holds them. */
    static List<HistoryRecord> manyRecords() {
        List<HistoryRecord> all = new ArrayList<>();
        String[] names = {"notes", "dotfiles", "thesis"};
        Trigger[] triggers = {Trigger.FILE_CHANGE, Trigger.POLL, Trigger.USER_PROMPT, Trigger.MANUAL};
        for (int i = 100_000; i >= 1; i--) {
            SyncResult result = i % 50 == 0 ? SyncResult.FAILED : i % 777 == 0 ? SyncResult.CONFLICT : SyncResult.OK;
            all.add(record(i, names[i % 3], triggers[i % 4], result, "Committed 1 file, pushed 1 commit",
                    i % 5 == 0 ? List.of("M chapter-" + i + ".md") : List.of()));
        }
        return all;
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new HistoryView(model, Clock.fixed(NOW, ZoneOffset.UTC)), 1100, 700));
        stage.show();
    }

    @Test
    void filtersBySearchAndRepositoryOverAHundredThousandSyncs(FxRobot robot) {
        robot.interact(() -> model.load(manyRecords()));
        TableView<?> table = robot.lookup("#history-table").queryTableView();
        assertThat(table.getItems()).hasSize(100_000);
        assertThat(robot.lookup("#count").queryAs(Label.class).getText()).isEqualTo("100000 of 100000 syncs");

        robot.interact(() -> model.filterProperty().set(new HistoryFilter(Optional.of("notes"), Optional.of("fileChange"),
                Optional.empty(), "")));
        // i % 3 == 1 and i % 4 == 3 → i ≡ 7 (mod 12)
        assertThat(table.getItems()).hasSize(8_333);
        assertThat(table.getItems()).allMatch(r -> ((HistoryRecord) r).name().equals("notes"));

        robot.interact(() -> model.filterProperty().set(new HistoryFilter(Optional.empty(), Optional.empty(), Optional.of("failed"), "")));
        assertThat(table.getItems()).hasSize(2_000);

        robot.clickOn("#search").write("chapter-99995");
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).as("search applies with the result filter still set").isEmpty();
        robot.interact(() -> model.filterProperty().set(new HistoryFilter(Optional.empty(), Optional.empty(), Optional.empty(), "chapter-99995")));
        assertThat(table.getItems()).hasSize(1);
    }

    @Test
    void selectingASyncShowsItsFilesAndCommitAndNewSyncsArriveLive(FxRobot robot) {
        robot.interact(() -> model.load(List.of(record(3, "notes", Trigger.POLL, SyncResult.OK, "Pulled 2 commits", List.of()),
                record(2, "notes", Trigger.FILE_CHANGE, SyncResult.OK, "Committed 2 files, pushed 1 commit", List.of("M a.md", "A b.md")))));
        TableView<HistoryRecord> table = robot.lookup("#history-table").queryTableView();

        robot.interact(() -> table.getSelectionModel().select(0));
        String details = robot.lookup("#details").queryAs(TextArea.class).getText();
        assertThat(details).contains("Committed 2 files").contains("M a.md").contains("A b.md").contains("Commit: " + String.format("%040x", 2));

        robot.interact(() -> model.add(record(0, "dotfiles", Trigger.MANUAL, SyncResult.CONFLICT, "Conflict in dotfiles: .zshrc", List.of())));
        assertThat(table.getItems().getFirst().name()).isEqualTo("dotfiles");
        assertThat(model.repositories()).containsExactly("dotfiles", "notes");
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#activity-summary").queryAs(Label.class).getText()).startsWith("Last 24 hours: 3 syncs, 1 failed or stopped");
        assertThat(robot.lookup("#metrics").queryAs(Label.class).getText())
                .startsWith("Last 200: 3 syncs, 0 failed (0.0 %), 1 conflict (33.3 %); mean 41 ms, p95 43 ms, fastest 40 ms, slowest 43 ms")
                .contains("\nToday: 3 syncs, ");
    }

    @Test
    void activityCountsEachHourAndLeavesSkippedSyncsOut() {
        List<HistoryRecord> records = List.of(
                record(5, "a", Trigger.POLL, SyncResult.OK, "", List.of()),
                record(10, "a", Trigger.POLL, SyncResult.FAILED, "", List.of()),
                record(20, "a", Trigger.POLL, SyncResult.SKIPPED, "", List.of()),
                record(70, "a", Trigger.POLL, SyncResult.OK, "", List.of()),
                record(60 * 30, "a", Trigger.POLL, SyncResult.OK, "", List.of()));

        List<Activity.Hour> hours = Activity.perHour(records, NOW, 24);

        assertThat(hours).hasSize(24);
        assertThat(hours.getLast().start()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(hours.getLast().ok()).isEqualTo(1);
        assertThat(hours.getLast().failed()).isEqualTo(1);
        assertThat(hours.get(22).ok()).as("11:20").isEqualTo(1);
        assertThat(hours.stream().mapToInt(h -> h.ok() + h.failed()).sum()).as("30 h ago is outside the day").isEqualTo(3);
    }
}
