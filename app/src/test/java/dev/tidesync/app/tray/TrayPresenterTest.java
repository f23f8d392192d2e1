package dev.tidesync.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.actions.RecordingActions;
import dev.tidesync.app.feed.StatusFeed;
import dev.tidesync.app.status.StatusViewModel;
import dev.tidesync.app.status.TrayState;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.fixture.ManualScheduler;
import dev.tidesync.status.RepoState;
import dev.tidesync.status.RepoStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** From engine event to tray icon: the feed, the view model and the presenter together, with a fake tray. */
@ExtendWith(ApplicationExtension.class)
class TrayPresenterTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final ManualScheduler time = new ManualScheduler(T0);
    final StatusViewModel model = new StatusViewModel(Clock.fixed(T0, ZoneOffset.UTC));
    final FakeTray tray = new FakeTray();
    final StatusFeed feed = new StatusFeed(time, Duration.ofMillis(250), s -> model.show(s.rows(), s.globallyPaused()));
    final RepositorySettings notes = RepositorySettings.of(Path.of("/home/me/notes"), List.of(), SyncMode.AUTO_COMMIT);

    @Test
    void aConflictEventTurnsTheIconToAttentionWithTheNextSnapshot(FxRobot robot) {
        robot.interact(() -> {
            new TrayPresenter(tray, model, new RecordingActions(), Clock.fixed(T0, ZoneOffset.UTC)).start();
            feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes), List.of(notes.workTree()), List.of()));
            feed.onEvent(changed(new RepoState.Synced()));
            time.advance(Duration.ofSeconds(1));
        });
        assertThat(tray.lastShown()).isEqualTo(TrayState.SYNCED);

        robot.interact(() -> {
            feed.onEvent(changed(new RepoState.Conflict(List.of("ch2.md"))));
            time.advance(Duration.ofMillis(250));
        });

        assertThat(tray.lastShown()).isEqualTo(TrayState.ATTENTION);
        assertThat(tray.tooltips.getLast()).isEqualTo("Tidesync: Needs your attention (notes)");
        assertThat(TrayMenuTest.submenu(tray.menus.getLast(), "notes").entries()).extracting(TrayMenuTest::text)
                .startsWith("Resolve conflict…");
    }

    @Test
    void aBurstOfAThousandEventsRedrawsTheIconAndMenuABoundedNumberOfTimes(FxRobot robot) {
        robot.interact(() -> {
            new TrayPresenter(tray, model, new RecordingActions(), Clock.fixed(T0, ZoneOffset.UTC)).start();
            feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes), List.of(notes.workTree()), List.of()));
            feed.onEvent(changed(new RepoState.Synced()));
            time.advance(Duration.ofSeconds(1));
        });
        int menusBefore = tray.menus.size();
        int iconsBefore = tray.shown.size();

        robot.interact(() -> {
            for (int i = 0; i < 1000; i++) {
                feed.onEvent(changed(i % 2 == 0 ? new RepoState.Dirty(i + 1) : new RepoState.Ahead(i)));
                time.advance(Duration.ofMillis(1));
            }
            time.advance(Duration.ofMillis(250));
        });

        assertThat(tray.menus.size() - menusBefore).as("menu rebuilds for 1 000 events in 1 s").isLessThanOrEqualTo(12);
        assertThat(tray.shown.size() - iconsBefore).as("icon changes (the state stays calm throughout)").isLessThanOrEqualTo(6);
    }

    private EngineEvent.StateChanged changed(RepoState state) {
        RepoStatus status = new RepoStatus(notes.path(), "notes", "main", state, state instanceof RepoState.Ahead a ? a.commits() : 0, 0,
                state instanceof RepoState.Dirty d ? d.files() : 0, state instanceof RepoState.Conflict c ? c.paths() : List.of(),
                List.of(), List.of("origin"), null, T0, "auto-commit", state.id(), null);
        return new EngineEvent.StateChanged(T0, notes.workTree(), Optional.empty(), status, Optional.empty());
    }
}
