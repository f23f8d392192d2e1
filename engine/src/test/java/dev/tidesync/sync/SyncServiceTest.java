package dev.tidesync.sync;

import dev.tidesync.engine.RecordedSync;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import dev.tidesync.model.Action;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.read;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Integrator;
import dev.tidesync.git.GitAccess;
import dev.tidesync.journal.Journal;
import dev.tidesync.journal.Pause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switches around the cycle, and recovery from a crash in the middle of one. */
class SyncServiceTest {

    @TempDir
    Path tmp;

    GitFixture fx;
    Path repo;
    Journal journal;
    RepositorySettings settings;
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void oneWatchedRepository() throws Exception {
        fx = new GitFixture(tmp);
        repo = fx.machine("laptop");
        journal = new Journal(TidesyncHome.single(tmp.resolve("home")), Settings.defaults().history(), clock);
        settings = RepositorySettings.of(repo, List.of(), SyncMode.AUTO_COMMIT);
        write(repo, "a.md", "a\n");
    }

    RecordedSync service(Settings s) {
        return new RecordedSync(s, journal, GitAccess.jgitOnly(), clock, "test-host");
    }

    @Test
    void aPausedRepositoryIsSkippedByAutomaticTriggersButNotByTheUser() throws Exception {
        String key = repo.toString();
        journal.update(s -> s.with(key, s.repository(key).withPause(new Pause(clock.instant(), clock.instant().plusSeconds(3600)))));

        SyncOutcome poll = service(Settings.defaults()).run(settings, SyncRequest.of(Action.SYNC, Trigger.POLL));
        SyncOutcome manual = service(Settings.defaults()).run(settings, SyncRequest.of(Action.SYNC, Trigger.MANUAL));

        assertThat(poll.result()).isEqualTo(SyncResult.SKIPPED);
        assertThat(poll.message()).contains("paused");
        assertThat(manual.result()).isEqualTo(SyncResult.OK);
    }

    @Test
    void anExpiredPauseNoLongerHolds() throws Exception {
        journal.update(s -> s.withPause(new Pause(clock.instant().minusSeconds(7200), clock.instant().minusSeconds(1))));

        assertThat(service(Settings.defaults()).run(settings, SyncRequest.of(Action.SYNC, Trigger.POLL)).result()).isEqualTo(SyncResult.OK);
    }

    @Test
    void aDisabledTriggerOrGlobalSwitchSkipsWithTheWayBack() throws Exception {
        Settings d = Settings.defaults();
        Settings off = new Settings(false, d.triggers(), d.commit(), d.guards(), d.locks(), d.network(), d.history(), d.throttle(), d.watchRoots(), d.excludeRepositories(), d.repositories(), d.desktop());

        SyncOutcome outcome = service(off).run(settings, SyncRequest.of(Action.SYNC, Trigger.SESSION_END));

        assertThat(outcome.result()).isEqualTo(SyncResult.SKIPPED);
        assertThat(outcome.message()).contains("tidesync enable");
        assertThat(git(repo, "status", "--porcelain")).isEqualTo("?? a.md\n");
    }

    @Test
    void skippedSyncsAreNotCountedButEveryRealOneIs() throws Exception {
        String key = repo.toString();
        journal.update(s -> s.withPause(new Pause(clock.instant(), null)));
        service(Settings.defaults()).run(settings, SyncRequest.of(Action.SYNC, Trigger.USER_PROMPT));
        journal.update(s -> s.withPause(null));
        service(Settings.defaults()).run(settings, SyncRequest.of(Action.SYNC, Trigger.USER_PROMPT));
        service(Settings.defaults()).run(settings, SyncRequest.of(Action.PULL, Trigger.SESSION_START));

        var stats = journal.read().stats();
        assertThat(stats.totalSyncs()).isEqualTo(2);
        assertThat(stats.promptSyncs()).isEqualTo(1);
        assertThat(stats.sessionStartSyncs()).isEqualTo(1);
        assertThat(journal.read().repository(key).lastSync().trigger()).isEqualTo(Trigger.SESSION_START);
    }

    @Test
    void aCrashBetweenCheckoutAndBranchMoveIsFinishedOnTheNextRun() throws Exception {
        service(Settings.defaults()).run(settings, SyncRequest.of(Action.SYNC, Trigger.MANUAL));
        Path other = fx.machine("desktop");
        write(other, "incoming.md", "incoming\n");
        fx.sync(other);
        git(repo, "fetch", "-q", "origin");
        // Simulate the crash: files and index moved to origin/main, the branch not yet, intent left behind.
        String from = git(repo, "rev-parse", "HEAD").strip();
        String to = git(repo, "rev-parse", "origin/main").strip();
        try (Git git = Git.open(repo.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            var r = git.getRepository();
            var co = new DirCacheCheckout(r, walk.parseCommit(r.resolve(from)).getTree(), r.lockDirCache(),
                    walk.parseCommit(r.resolve(to)).getTree());
            co.checkout();
        }
        Files.createDirectories(repo.resolve(".git/tidesync"));
        Files.writeString(repo.resolve(".git/tidesync/integrating"), "refs/heads/main\n" + from + "\n" + to + "\n");

        SyncOutcome next = service(Settings.defaults()).run(settings, SyncRequest.of(Action.SYNC, Trigger.MANUAL));

        assertThat(next.result()).isEqualTo(SyncResult.OK);
        assertThat(next.committed()).as("nothing mistaken for a local edit").isEmpty();
        assertThat(git(repo, "rev-parse", "HEAD").strip()).isEqualTo(to);
        assertThat(read(repo, "incoming.md")).isEqualTo("incoming\n");
        assertThat(git(repo, "status", "--porcelain")).isEmpty();
        assertThat(repo.resolve(".git/tidesync/integrating")).doesNotExist();
        try (GitRepo r = GitRepo.open(repo)) {
            Integrator.recover(r); // idempotent
        }
    }
}
