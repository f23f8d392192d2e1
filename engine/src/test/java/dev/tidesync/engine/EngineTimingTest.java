package dev.tidesync.engine;

import dev.tidesync.hook.HookReply;
import dev.tidesync.hook.HookEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.ManualScheduler;
import dev.tidesync.model.Failure;
import dev.tidesync.model.Failure.FailureKind;
import dev.tidesync.journal.Journal;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the engine runs cycles: coalescing, rate limit, backoff, needs-attention and catching up.
 * Time is moved by hand, chance is fixed, and cycles are recorded instead of touching git.
 */
class EngineTimingTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private final ManualScheduler time = new ManualScheduler(T0);
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, BiFunction<SyncRequest, Integer, SyncOutcome>> behaviour = new ConcurrentHashMap<>();
    private Path notes;
    private Path dotfiles;
    private TidesyncHome home;
    private Engine engine;

    record Run(String repository, SyncRequest request, Instant at) {}

    /** Always the top of the range: jitter and backoff are at their longest, every prompt is drawn. */
    private static final RandomGenerator HIGH = new RandomGenerator() {
        public long nextLong() {
            return 0;
        }

        public int nextInt(int bound) {
            return 0;
        }

        public double nextDouble() {
            return 0.999_999;
        }
    };

    @BeforeEach
    void startEngine() throws Exception {
        notes = Files.createDirectories(dir.resolve("notes"));
        dotfiles = Files.createDirectories(dir.resolve("dotfiles"));
        home = TidesyncHome.single(dir.resolve("home"));
        Files.createDirectories(home.configDir());
        Files.writeString(home.configFile(), """
                {"throttle": {"minIntervalSeconds": 10, "backoffBaseSeconds": 15, "backoffMaxSeconds": 600, "attentionAfterFailures": 3},
                 "triggers": {"poll": {"intervalSeconds": 60}, "userPrompt": {"probability": 1, "debounceMs": 5000}},
                 "repositories": [{"path": "%s"}, {"path": "%s"}]}
                """.formatted(notes, dotfiles));
        ConfigStore config = new ConfigStore(home.configFile());
        Journal journal = new Journal(home, config.load().settings().history(), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
        engine = new Engine(new Engine.Options(config, journal, settings -> this::cycle, time, Runnable::run, Runnable::run, HIGH,
                false, Duration.ofSeconds(30)));
        engine.addListener(events::add);
        engine.start();
        time.advance(Duration.ofSeconds(10)); // past the rate limit of the start-up catch-up cycles
        runs.clear(); // those are covered by their own spec
        t0 = time.now();
    }

    private Instant t0;

    private SyncOutcome cycle(dev.tidesync.config.RepositorySettings repository, SyncRequest request) {
        runs.add(new Run(repository.name(), request, time.now()));
        long n = runs.stream().filter(r -> r.repository().equals(repository.name())).count();
        return behaviour.getOrDefault(repository.name(), (q, i) -> ok(repository.workTree(), repository.name(), q))
                .apply(request, (int) n);
    }

    private SyncOutcome ok(Path workTree, String name, SyncRequest request) {
        return new SyncOutcome(workTree, name, request.trigger(), request.action(), SyncResult.OK, "Up to date", Optional.empty(),
                Optional.empty(), List.of(), 0, 0, List.of(), List.of(), Optional.empty(), Optional.of("abc"), Optional.empty(),
                List.of(), time.now(), Duration.ofMillis(20));
    }

    private SyncOutcome pulled(Path workTree, String name, SyncRequest request) {
        return new SyncOutcome(workTree, name, request.trigger(), request.action(), SyncResult.OK, "Pulled 1 commit", Optional.empty(),
                Optional.empty(), List.of(), 1, 0, List.of(), List.of(), Optional.empty(), Optional.of("abc"), Optional.empty(),
                List.of(), time.now(), Duration.ofMillis(20));
    }

    private SyncOutcome failing(Path workTree, String name, SyncRequest request, FailureKind kind) {
        return SyncOutcome.failed(workTree, name, request, time.now(), Duration.ofMillis(20), Failure.of(kind,
                kind == FailureKind.AUTH ? "authentication failed for origin; check your credentials" : "origin is unreachable"));
    }

    private List<Run> runsOf(String name) {
        return runs.stream().filter(r -> r.repository().equals(name)).toList();
    }

    @Test
    void whileSyncingIsCostlyPollsWaitAPersonAndAnAgentSessionStillSyncAndTheEndCatchesUpOnce() throws Exception {
        engine.pauseWhileCostly(Optional.of("on battery power"));
        time.advance(Duration.ofSeconds(70)); // a poll round comes due
        assertThat(runs).as("background polls wait").isEmpty();

        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.MANUAL));
        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.SESSION_START));
        assertThat(runsOf("notes")).extracting(r -> r.request().trigger()).containsExactly(Trigger.MANUAL, Trigger.SESSION_START);
        assertThat(events).filteredOn(EngineEvent.CostPauseChanged.class::isInstance).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("automatic syncing waits while on battery power"));

        runs.clear();
        engine.pauseWhileCostly(Optional.empty());

        assertThat(runs).extracting(Run::repository).containsExactlyInAnyOrder("notes", "dotfiles");
        assertThat(runs).allSatisfy(r -> assertThat(r.request().trigger()).isEqualTo(Trigger.STARTUP));
        assertThat(engine.costPause()).isEmpty();
    }

    @Test
    void startingCatchesUpOnEveryRepository() throws Exception {
        engine.stop(Duration.ofSeconds(1));
        runs.clear();
        Engine again = new Engine(new Engine.Options(new ConfigStore(home.configFile()), new Journal(home,
                dev.tidesync.config.Settings.defaults().history(), java.time.Clock.systemUTC()), s -> this::cycle, time,
                Runnable::run, Runnable::run, HIGH, false, Duration.ofSeconds(30)));
        again.start();

        assertThat(runs).extracting(Run::repository).containsExactlyInAnyOrder("notes", "dotfiles");
        assertThat(runs).allSatisfy(r -> assertThat(r.request()).isEqualTo(SyncRequest.of(Action.SYNC, Trigger.STARTUP)));
    }

    @Test
    void changesArrivingDuringACycleAreFollowedByExactlyOneMore() {
        behaviour.put("notes", (request, n) -> {
            if (n == 1) { // three more saves land while the first cycle runs
                for (String path : List.of("a.md", "b.md", "c.md")) {
                    engine.submit(notes, SyncRequest.scoped(Action.SYNC, Trigger.FILE_CHANGE, Set.of(path)));
                }
            }
            return ok(notes, "notes", request);
        });

        engine.submit(notes, SyncRequest.scoped(Action.SYNC, Trigger.FILE_CHANGE, Set.of("first.md")));
        time.advance(Duration.ofMinutes(1));

        List<Run> notesRuns = runsOf("notes").stream().filter(r -> r.request().trigger() == Trigger.FILE_CHANGE).toList();
        assertThat(notesRuns).hasSize(2);
        assertThat(notesRuns.get(1).request().changedPaths()).contains(Set.of("a.md", "b.md", "c.md"));
    }

    @Test
    void automaticCyclesOfOneRepositoryStartAtLeastTheRateLimitApart() {
        behaviour.put("notes", (q, n) -> n == 1 ? pulled(notes, "notes", q) : ok(notes, "notes", q));
        engine.submit(notes, SyncRequest.of(Action.PULL, Trigger.POLL));
        time.advance(Duration.ofSeconds(2));
        engine.submit(notes, SyncRequest.scoped(Action.SYNC, Trigger.FILE_CHANGE, Set.of("a.md")));
        time.advance(Duration.ofSeconds(7));
        assertThat(runsOf("notes")).hasSize(1);

        time.advance(Duration.ofSeconds(1));

        assertThat(runsOf("notes")).hasSize(2);
        assertThat(runsOf("notes").get(1).at()).isEqualTo(t0.plusSeconds(10));
    }

    @Test
    void anEditAfterACycleThatFoundNothingToDoGoesAtOnce() {
        engine.submit(notes, SyncRequest.of(Action.PULL, Trigger.POLL)); // up to date: nothing done
        time.advance(Duration.ofSeconds(1));
        engine.submit(notes, SyncRequest.scoped(Action.SYNC, Trigger.FILE_CHANGE, Set.of("a.md")));

        assertThat(runsOf("notes")).hasSize(2);
        assertThat(runsOf("notes").get(1).at()).isEqualTo(t0.plusSeconds(1));
    }

    @Test
    void aCommitMadeByHandGoesOutAtOnceEvenRightAfterAPull() {
        behaviour.put("notes", (q, n) -> n == 1 ? pulled(notes, "notes", q) : ok(notes, "notes", q));
        engine.submit(notes, SyncRequest.of(Action.PULL, Trigger.POLL));
        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.LOCAL_COMMIT));

        assertThat(runsOf("notes")).extracting(r -> r.request().trigger()).containsExactly(Trigger.POLL, Trigger.LOCAL_COMMIT);
        assertThat(runsOf("notes").get(1).at()).isEqualTo(t0);
    }

    @Test
    void anEditThatWaitedBehindAPollIsRecordedAsAnEdit() {
        behaviour.put("notes", (q, n) -> n == 1 ? pulled(notes, "notes", q) : ok(notes, "notes", q));
        engine.submit(notes, SyncRequest.of(Action.PULL, Trigger.POLL));
        engine.submit(notes, SyncRequest.scoped(Action.SYNC, Trigger.FILE_CHANGE, Set.of("a.md")));
        engine.submit(notes, SyncRequest.of(Action.PULL, Trigger.POLL));
        time.advance(Duration.ofSeconds(10));

        assertThat(runsOf("notes")).extracting(r -> r.request().trigger()).containsExactly(Trigger.POLL, Trigger.FILE_CHANGE);
    }

    @Test
    void aPersonsRequestSkipsTheRateLimit() {
        engine.submit(notes, SyncRequest.of(Action.PULL, Trigger.POLL));
        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.MANUAL));

        assertThat(runsOf("notes")).extracting(r -> r.request().trigger()).containsExactly(Trigger.POLL, Trigger.MANUAL);
        assertThat(runsOf("notes").get(1).at()).isEqualTo(t0);
    }

    @Test
    void failuresBackOffExponentiallyThenStopUntilSomethingChanges() {
        behaviour.put("notes", (q, n) -> failing(notes, "notes", q, FailureKind.OFFLINE));
        behaviour.put("dotfiles", (q, n) -> failing(dotfiles, "dotfiles", q, FailureKind.OFFLINE)); // the whole network is down

        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.FILE_CHANGE));
        time.advance(Duration.ofMinutes(30));

        List<Instant> attempts = runsOf("notes").stream().filter(r -> r.request().trigger() == Trigger.FILE_CHANGE)
                .map(Run::at).toList();
        // 15 s, then 30 s (jitter at its top), then three failures in a row need attention: no more retries.
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(0), attempts.get(1)).toSeconds()).isEqualTo(14);
        assertThat(Duration.between(attempts.get(1), attempts.get(2)).toSeconds()).isEqualTo(29);
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.AttentionNeeded a && a.repository().equals("notes")).hasSize(1);
        assertThat(engine.attention().get(dev.tidesync.config.Paths.canonical(notes))).get().asString().contains("3 syncs in a row failed");

        behaviour.clear();
        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.MANUAL));

        assertThat(engine.attention().get(dev.tidesync.config.Paths.canonical(notes))).isEmpty();
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.AttentionCleared c && c.repository().equals("notes")).hasSize(1);
        // notes reached its remote, so dotfiles, stopped for being offline, syncs again too
        assertThat(engine.attention().get(dev.tidesync.config.Paths.canonical(dotfiles))).isEmpty();
    }

    @Test
    void anAuthenticationFailureIsNotRetriedInALoop() throws Exception {
        behaviour.put("notes", (q, n) -> failing(notes, "notes", q, FailureKind.AUTH));

        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.FILE_CHANGE));
        time.advance(Duration.ofHours(3));

        assertThat(runsOf("notes").stream().filter(r -> r.request().trigger() != Trigger.POLL)).hasSize(1);
        assertThat(runsOf("notes")).hasSize(1); // polls are held too while it needs attention
        var journal = new Journal(home, dev.tidesync.config.Settings.defaults().history(), java.time.Clock.systemUTC());
        assertThat(journal.read().repository(dev.tidesync.config.Paths.canonical(notes).toString()).attention())
                .contains("authentication failed");
    }

    @Test
    void whenOneRepositoryReachesItsRemoteTheOfflineOnesRetryAtOnce() {
        behaviour.put("notes", (q, n) -> n <= 2 ? failing(notes, "notes", q, FailureKind.OFFLINE) : ok(notes, "notes", q));
        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.FILE_CHANGE));
        time.advance(Duration.ofSeconds(20)); // failed at once and 15 s later; the backoff now says 30 s more
        assertThat(runsOf("notes")).hasSize(2);

        engine.submit(dotfiles, SyncRequest.of(Action.PULL, Trigger.POLL)); // dotfiles gets through: the network is back
        time.advance(Duration.ofSeconds(5)); // only the rate limit (10 s after the last attempt) still applies

        assertThat(runsOf("notes")).hasSize(3);
        assertThat(runsOf("notes").get(2).at()).isEqualTo(runsOf("notes").get(1).at().plusSeconds(10));
    }

    @Test
    void wakingFromSleepPullsEverythingAndRetriesOfflineFailures() {
        behaviour.put("notes", (q, n) -> n == 1 ? failing(notes, "notes", q, FailureKind.OFFLINE) : ok(notes, "notes", q));
        engine.submit(notes, SyncRequest.of(Action.SYNC, Trigger.FILE_CHANGE));
        runs.clear();

        time.jumpWallClock(Duration.ofHours(8));
        engine.tick();

        assertThat(runs).extracting(Run::repository).contains("notes", "dotfiles");
        assertThat(events).filteredOn(e -> e.message().contains("catching up")).isNotEmpty();
    }

    @Test
    void pollsComeEveryIntervalAndAreSpreadOverTheFirstOne() {
        behaviour.put("notes", (q, n) -> pulled(notes, "notes", q)); // polls that bring something keep the base interval
        time.advance(Duration.ofSeconds(50)); // first poll lands within the first interval (at its top here)
        assertThat(runsOf("notes")).extracting(r -> r.request().trigger()).containsExactly(Trigger.POLL);

        time.advance(Duration.ofSeconds(66));
        assertThat(runsOf("notes")).hasSize(2);
        assertThat(runsOf("notes")).allSatisfy(r -> assertThat(r.request().action()).isEqualTo(Action.PULL));
    }

    @Test
    void anIntervalTheUserSetIsKeptExactlyWhenNoMaximumIsSetAndNoAnnouncementsReachTheRepository() {
        time.advance(Duration.ofSeconds(1000));

        // jitter at the top of its range (×1.1): quiet polls do not stretch 60 s
        assertThat(pollGaps("notes")).isNotEmpty().allSatisfy(gap -> assertThat(gap).isEqualTo(66L));
        assertThat(engine.triggers(notes).longestPollInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withAMaximumSetPollsThatFindNothingStretchTheIntervalUpToItAndAnEditBringsItBack() throws Exception {
        Files.writeString(home.configFile(), Files.readString(home.configFile())
                .replace("\"poll\": {\"intervalSeconds\": 60}", "\"poll\": {\"intervalSeconds\": 60, \"maxIntervalSeconds\": 300}"));
        engine.reload();
        time.advance(Duration.ofSeconds(2000));
        List<Long> gaps = pollGaps("notes");
        // 60 s doubling per quiet poll, capped at 300 s; jitter at the top of its range (×1.1)
        assertThat(gaps.subList(0, 4)).containsExactly(132L, 264L, 330L, 330L);

        engine.triggers(notes).filesChanged(java.util.Set.of("a.md"));
        int before = gaps.size();
        time.advance(Duration.ofSeconds(500));

        assertThat(pollGaps("notes").subList(before + 1, before + 2)).as("back to the base interval").containsExactly(132L);
    }

    private List<Long> pollGaps(String repository) {
        List<Instant> at = runsOf(repository).stream().filter(r -> r.request().trigger() == Trigger.POLL).map(Run::at).toList();
        List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < at.size(); i++) {
            gaps.add(Duration.between(at.get(i - 1), at.get(i)).toSeconds());
        }
        return gaps;
    }

    @Test
    void aQuietBurstOfFileChangesRequestsOneScopedSync() {
        RepoTriggers triggers = engine.triggers(notes);

        triggers.filesChanged(Set.of("a.md"));
        time.advance(Duration.ofSeconds(2));
        triggers.filesChanged(Set.of("b.md"));
        time.advance(Duration.ofSeconds(5));

        assertThat(runsOf("notes")).singleElement().satisfies(r -> {
            assertThat(r.request().trigger()).isEqualTo(Trigger.FILE_CHANGE);
            assertThat(r.request().changedPaths()).contains(Set.of("a.md", "b.md"));
        });
    }

    @Test
    void promptHooksHonourTheDebounceAcrossCallsAndAreCounted() throws Exception {
        HookReply first = engine.hook(HookEvent.PROMPT, notes.resolve("sub"), Duration.ZERO);
        time.advance(Duration.ofSeconds(2));
        HookReply second = engine.hook(HookEvent.PROMPT, notes, Duration.ZERO);
        time.advance(Duration.ofSeconds(10));
        HookReply third = engine.hook(HookEvent.PROMPT, notes, Duration.ZERO);

        assertThat(List.of(first.synced(), second.synced(), third.synced())).containsExactly(true, false, true);
        assertThat(second.message()).contains("debounce");
        var stats = new Journal(home, dev.tidesync.config.Settings.defaults().history(), java.time.Clock.systemUTC()).read().stats();
        assertThat(stats.prompts().seen()).isEqualTo(3);
        assertThat(stats.prompts().ran()).isEqualTo(2);
        assertThat(stats.prompts().debounced()).isEqualTo(1);
    }

    @Test
    void aSessionStartWaitsForItsPullAndAnUnwatchedFolderIsLeftAlone() {
        HookReply start = engine.hook(HookEvent.SESSION_START, notes, Duration.ofSeconds(5));
        HookReply elsewhere = engine.hook(HookEvent.SESSION_START, dir, Duration.ofSeconds(5));

        assertThat(start.synced()).isTrue();
        assertThat(start.message()).isEqualTo("notes: Up to date");
        assertThat(runsOf("notes")).singleElement().satisfies(r ->
                assertThat(r.request()).isEqualTo(SyncRequest.of(Action.PULL, Trigger.SESSION_START)));
        assertThat(elsewhere.synced()).isFalse();
        assertThat(elsewhere.message()).contains("not inside a repository Tidesync watches");
    }

    @Test
    void repositoriesUnderAWatchRootArePickedUpWhenTheyAppear() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(src.resolve("node_modules/left-pad/.git")); // never someone's repository
        Files.writeString(home.configFile(), "{\"watchRoots\": [{\"path\": \"" + src + "\", \"maxDepth\": 3}], "
                + "\"repositories\": [{\"path\": \"" + notes + "\"}]}");
        engine.reload();
        Files.createDirectories(src.resolve("projects/tidesync/.git"));

        engine.tick();

        assertThat(engine.attention().keySet()).contains(dev.tidesync.config.Paths.canonical(src.resolve("projects/tidesync")))
                .noneMatch(p -> p.toString().contains("node_modules"));
        assertThat(new ConfigStore(home.configFile()).load().settings().repositories())
                .extracting(dev.tidesync.config.RepositorySettings::name).contains("tidesync");
    }

    @Test
    void aRepositoryRemovedFromUnderAWatchRootStaysRemoved() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path project = Files.createDirectories(src.resolve("project/.git")).getParent();
        Files.writeString(home.configFile(), "{\"watchRoots\": [{\"path\": \"" + src + "\"}], \"repositories\": []}");
        engine.reload();
        engine.tick();
        ConfigStore config = new ConfigStore(home.configFile());
        assertThat(config.load().settings().repositories()).extracting(dev.tidesync.config.RepositorySettings::name).contains("project");

        config.update(doc -> ConfigStore.removeRepository(doc, project));
        engine.reload();
        engine.tick();
        engine.tick();

        assertThat(config.load().settings().repositories()).extracting(dev.tidesync.config.RepositorySettings::name).doesNotContain("project");
        assertThat(config.load().settings().excludeRepositories()).containsExactly(dev.tidesync.config.Paths.canonical(project).toString());
        assertThat(engine.attention().keySet()).doesNotContain(dev.tidesync.config.Paths.canonical(project));
    }

    @Test
    void addingAnExcludedRepositoryByHandWatchesItAgain() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path project = Files.createDirectories(src.resolve("project/.git")).getParent();
        Files.writeString(home.configFile(), "{\"watchRoots\": [{\"path\": \"" + src + "\"}], \"excludeRepositories\": [\""
                + project + "\"], \"repositories\": []}");
        ConfigStore config = new ConfigStore(home.configFile());

        config.update(doc -> ConfigStore.addRepository(doc, project, "project"));

        assertThat(config.load().settings().excludeRepositories()).isEmpty();
    }

    @Test
    void theFoldersAWatchRootSkipsAreTheUsersToChoose() throws Exception {
        Path byDefault = Files.createDirectories(dir.resolve("default"));
        Files.createDirectories(byDefault.resolve("vendor/lib/.git")); // a dependency: skipped by default
        Files.createDirectories(byDefault.resolve("notes-site/.git"));
        Path chosen = Files.createDirectories(dir.resolve("chosen"));
        Files.createDirectories(chosen.resolve("vendor/patched/.git")); // this user's list replaces the default one
        Files.createDirectories(chosen.resolve("archive/old/.git"));
        Files.writeString(home.configFile(), "{\"watchRoots\": [{\"path\": \"" + byDefault + "\"}, {\"path\": \"" + chosen
                + "\", \"skipFolders\": [\"archive\"]}], \"repositories\": []}");
        engine.reload();

        engine.tick();

        assertThat(new ConfigStore(home.configFile()).load().settings().repositories())
                .extracting(dev.tidesync.config.RepositorySettings::name).containsExactlyInAnyOrder("notes-site", "patched");
    }

    @Test
    void editingTheConfigTakesEffectWithoutARestart() throws Exception {
        Files.writeString(home.configFile(), """
                {"repositories": [{"path": "%s"}]}
                """.formatted(notes));
        Files.setLastModifiedTime(home.configFile(), java.nio.file.attribute.FileTime.from(t0.plusSeconds(99)));

        engine.tick();

        assertThat(engine.attention().keySet()).containsExactly(dev.tidesync.config.Paths.canonical(notes));
    }
}
