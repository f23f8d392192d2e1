package dev.tidesync.engine;

import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.ManualScheduler;
import dev.tidesync.journal.Journal;
import dev.tidesync.status.RepoState;
import dev.tidesync.status.RepoStatus;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine owns every repository's status and says when it changes: the tray, the panel and
 * {@code status --json} render that one value. Real repositories for the facts; cycles are
 * scripted and journalled as the sync service would, and time moves by hand.
 */
class StatusBoardTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    final ManualScheduler time = new ManualScheduler(T0);
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    Function<SyncRequest, SyncResult> next = q -> SyncResult.OK;
    Journal journal;
    Engine engine;
    Path notes;
    Path thesis;

    @BeforeEach
    void start() throws Exception {
        GitFixture fx = new GitFixture(dir.resolve("git"));
        notes = fx.machine("notes");
        write(notes, "a.md", "a\n");
        fx.sync(notes);
        thesis = fx.machine("thesis");
        TidesyncHome home = TidesyncHome.single(dir.resolve("home"));
        Files.createDirectories(home.configDir());
        Files.writeString(home.configFile(), """
                {"throttle": {"minIntervalSeconds": 0}, "repositories": [{"path": "%s"}, {"path": "%s"}]}
                """.formatted(notes, thesis));
        ConfigStore config = new ConfigStore(home.configFile());
        journal = new Journal(home, config.load().settings().history(), Clock.fixed(T0, ZoneOffset.UTC));
        engine = new Engine(new Engine.Options(config, journal, s -> this::cycle, time, Runnable::run, Runnable::run,
                java.util.random.RandomGenerator.getDefault(), false, Duration.ofSeconds(30)));
        engine.addListener(events::add);
        engine.start();
    }

    /** A scripted cycle, journalled as SyncService does. */
    private SyncOutcome cycle(RepositorySettings repository, SyncRequest request) {
        SyncResult result = next.apply(request);
        List<String> conflicts = result == SyncResult.CONFLICT ? List.of("ch2.md") : List.of();
        SyncOutcome o = new SyncOutcome(repository.workTree(), repository.name(), request.trigger(), request.action(), result,
                result == SyncResult.CONFLICT ? "Conflict in thesis: ch2.md" : "Up to date", Optional.empty(), Optional.empty(), List.of(),
                0, 0, List.of(), conflicts, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), time.now(), Duration.ofMillis(5));
        try {
            journal.record(o, "test-host");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return o;
    }

    @Test
    void everyWatchedRepositoryIsAnnouncedAndItsStatusPublishedOnceItsFactsAreRead() {
        assertThat(events).filteredOn(EngineEvent.WatchedChanged.class::isInstance).first()
                .satisfies(e -> assertThat(((EngineEvent.WatchedChanged) e).repositories()).extracting(RepositorySettings::name)
                        .containsExactly("notes", "thesis"));
        assertThat(state(notes)).isEqualTo(new RepoState.Synced());
        assertThat(engine.statuses()).extracting(RepoStatus::name).containsExactly("notes", "thesis");
    }

    @Test
    void aSyncThatEndsInAConflictPublishesTheConflictWithTheSyncThatFoundIt() {
        events.clear();
        next = q -> SyncResult.CONFLICT;

        engine.submit(thesis, SyncRequest.of(Action.SYNC, Trigger.MANUAL));

        List<EngineEvent.StateChanged> changes = changes(thesis);
        assertThat(changes).extracting(c -> c.to().repoState().id()).containsOnly("syncing", "conflict").startsWith("syncing")
                .endsWith("conflict");
        assertThat(changes).filteredOn(c -> c.to().repoState() instanceof RepoState.Conflict).first()
                .satisfies(c -> assertThat(c.because()).get().extracting(SyncOutcome::result).isEqualTo(SyncResult.CONFLICT));
        assertThat(changes.getLast().to().attention()).as("automatic syncing waits for the user").contains("ch2.md");
        assertThat(changes.getLast().to().conflictPaths()).containsExactly("ch2.md");
    }

    @Test
    void aPollThatFindsNothingIsNotShownAsSyncingAndRunsNoGitStatusTheSafetyRoundCatchesWhatNoEventSaid() throws Exception {
        write(notes, "b.md", "changed behind the engine's back (no watcher in this spec)\n");
        events.clear();

        engine.submit(notes, SyncRequest.of(Action.PULL, Trigger.POLL));
        assertThat(changes(notes)).extracting(c -> c.to().repoState().id()).doesNotContain("syncing", "dirty");
        assertThat(state(notes)).as("a routine poll reads no git status").isEqualTo(new RepoState.Synced());

        time.advance(Duration.ofSeconds(30).multipliedBy(Engine.SAFETY_ROUND_TICKS));
        assertThat(state(notes)).as("the ten-minute round reads only what git's own state says changed").isEqualTo(new RepoState.Synced());
        time.advance(Duration.ofSeconds(30).multipliedBy(Engine.FULL_SAFETY_ROUND_TICKS - Engine.SAFETY_ROUND_TICKS));

        assertThat(state(notes)).as("the hourly round reads everything").isEqualTo(new RepoState.Dirty(1));
    }

    @Test
    void aCommitMadeByAnotherProgramIsSeenByTheTenMinuteRound() throws Exception {
        write(notes, "c.md", "committed by hand, with no watcher in this spec\n");
        dev.tidesync.fixture.GitFixture.git(notes, "add", "c.md");
        dev.tidesync.fixture.GitFixture.git(notes, "commit", "-qm", "by hand");

        time.advance(Duration.ofSeconds(30).multipliedBy(Engine.SAFETY_ROUND_TICKS));

        assertThat(state(notes)).isEqualTo(new RepoState.Ahead(1));
    }

    @Test
    void pausingEverythingPublishesThePauseAndEachPausedStatus() throws Exception {
        events.clear();

        engine.pause(Optional.empty(), Optional.empty());

        assertThat(events).filteredOn(EngineEvent.PauseChanged.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((EngineEvent.PauseChanged) e).pause()).isPresent());
        assertThat(state(notes)).isInstanceOf(RepoState.Paused.class);
        assertThat(state(thesis)).isInstanceOf(RepoState.Paused.class);
        assertThat(engine.globalPause()).isPresent();

        engine.resume(Optional.empty());

        assertThat(state(notes)).isEqualTo(new RepoState.Synced());
        assertThat(engine.globalPause()).isEmpty();
    }

    @Test
    void aRepositoryRemovedFromTheConfigIsAnnouncedAsGone() throws Exception {
        Files.writeString(dir.resolve("home/config.json"), """
                {"throttle": {"minIntervalSeconds": 0}, "repositories": [{"path": "%s"}]}
                """.formatted(notes));
        events.clear();

        engine.reload();

        assertThat(events).filteredOn(EngineEvent.WatchedChanged.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((EngineEvent.WatchedChanged) e).removed()).containsExactly(thesis));
        assertThat(engine.statuses()).extracting(RepoStatus::name).containsExactly("notes");
    }

    private RepoState state(Path workTree) {
        return engine.statuses().stream().filter(s -> s.path().equals(workTree.toString())).findFirst().orElseThrow().repoState();
    }

    private List<EngineEvent.StateChanged> changes(Path workTree) {
        return events.stream().filter(e -> e instanceof EngineEvent.StateChanged c && c.workTree().equals(workTree))
                .map(EngineEvent.StateChanged.class::cast).toList();
    }
}
