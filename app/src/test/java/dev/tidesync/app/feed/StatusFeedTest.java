package dev.tidesync.app.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.status.RepoRow;
import dev.tidesync.app.status.TrayState;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.engine.EngineEvent;
import dev.tidesync.fixture.ManualScheduler;
import dev.tidesync.journal.Pause;
import dev.tidesync.status.RepoState;
import dev.tidesync.status.RepoStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The feed renders what the engine publishes: typed events in, whole snapshots out, bursts coalesced. */
class StatusFeedTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final ManualScheduler clock = new ManualScheduler(T0);
    final List<StatusFeed.Snapshot> published = new ArrayList<>();
    final StatusFeed feed = new StatusFeed(clock, Duration.ofMillis(250), published::add);
    final RepositorySettings notes = RepositorySettings.of(Path.of("/home/me/notes"), List.of(), SyncMode.AUTO_COMMIT);
    final RepositorySettings thesis = RepositorySettings.of(Path.of("/home/me/thesis"), List.of(), SyncMode.AUTO_COMMIT);

    @Test
    void aWatchedSetChangeAddsARowThatSaysItIsBeingChecked() {
        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes), List.of(notes.workTree()), List.of()));
        clock.advance(Duration.ZERO);

        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes, thesis), List.of(thesis.workTree()), List.of()));
        clock.advance(Duration.ofMillis(250));

        assertThat(last().rows()).extracting(RepoRow::name).containsExactly("notes", "thesis");
        assertThat(last().rows().get(1).state()).as("not read yet").isEmpty();
        assertThat(last().rows().get(1).message()).isEqualTo("Checking…");
    }

    @Test
    void theChannelsStateTravelsWithTheNextSnapshot() {
        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes), List.of(notes.workTree()), List.of()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(last().channel()).isEqualTo(new dev.tidesync.announce.ChannelState.Off());

        feed.onEvent(new EngineEvent.ChannelChanged(T0, new dev.tidesync.announce.ChannelState.Connected("mqtt://127.0.0.1:1883")));
        clock.advance(Duration.ofMillis(250));

        assertThat(last().channel()).isEqualTo(new dev.tidesync.announce.ChannelState.Connected("mqtt://127.0.0.1:1883"));
    }

    @Test
    void aConflictEventTurnsTheTrayToAttentionInTheNextSnapshot() {
        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes, thesis), List.of(notes.workTree(), thesis.workTree()), List.of()));
        feed.onEvent(changed(notes, new RepoState.Synced()));
        feed.onEvent(changed(thesis, new RepoState.Synced()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(TrayState.of(last().rows(), last().globallyPaused())).isEqualTo(TrayState.SYNCED);

        feed.onEvent(changed(thesis, new RepoState.Conflict(List.of("ch2.md"))));
        clock.advance(Duration.ofMillis(250));

        assertThat(TrayState.of(last().rows(), last().globallyPaused())).isEqualTo(TrayState.ATTENTION);
        assertThat(last().rows().get(1).conflictPaths()).containsExactly("ch2.md");
    }

    @Test
    void aBurstOfAThousandEventsYieldsOneSnapshotPerQuarterSecond() {
        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes), List.of(notes.workTree()), List.of()));
        clock.advance(Duration.ZERO);
        int before = published.size();

        for (int i = 0; i < 1000; i++) {
            feed.onEvent(changed(notes, i % 2 == 0 ? new RepoState.Syncing() : new RepoState.Dirty(i)));
            clock.advance(Duration.ofMillis(1)); // a thousand events in one second
        }
        clock.advance(Duration.ofMillis(250));

        assertThat(published.size() - before).as("snapshots for 1 000 events over 1 s").isBetween(4, 6);
        assertThat(last().rows().getFirst().state()).contains(new RepoState.Dirty(999));
    }

    @Test
    void thePauseOfEverythingAndTheRemovalOfARepositoryShow() {
        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes, thesis), List.of(notes.workTree(), thesis.workTree()), List.of()));
        feed.onEvent(changed(thesis, new RepoState.Synced()));
        feed.onEvent(new EngineEvent.PauseChanged(T0, Optional.of(new Pause(T0, null))));
        clock.advance(Duration.ofSeconds(1));
        assertThat(last().globallyPaused()).isTrue();

        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes), List.of(), List.of(thesis.workTree())));
        feed.onEvent(new EngineEvent.PauseChanged(T0, Optional.empty()));
        clock.advance(Duration.ofSeconds(1));

        assertThat(last().rows()).extracting(RepoRow::name).containsExactly("notes");
        assertThat(last().globallyPaused()).isFalse();
    }

    @Test
    void eventsThatChangeNoRowPublishNothing() {
        feed.onEvent(new EngineEvent.WatchedChanged(T0, List.of(notes), List.of(notes.workTree()), List.of()));
        feed.onEvent(changed(notes, new RepoState.Synced()));
        clock.advance(Duration.ofSeconds(1));
        int before = published.size();

        feed.onEvent(changed(notes, new RepoState.Synced())); // the same status again
        feed.onEvent(new EngineEvent.Notice(T0, "notes", EngineEvent.Level.INFO, "watching /home/me/notes"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(published).hasSize(before);
    }

    private StatusFeed.Snapshot last() {
        return published.getLast();
    }

    private static EngineEvent.StateChanged changed(RepositorySettings r, RepoState state) {
        RepoStatus status = new RepoStatus(r.path(), r.name(), "main", state, 0, 0, state instanceof RepoState.Dirty d ? d.files() : 0,
                state instanceof RepoState.Conflict c ? c.paths() : List.of(), List.of(), List.of("origin"), null, T0, "auto-commit",
                state.id(), null);
        return new EngineEvent.StateChanged(T0, r.workTree(), Optional.empty(), status, Optional.empty());
    }
}
