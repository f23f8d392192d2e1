package dev.tidesync.sync;

import dev.tidesync.engine.RecordedSync;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.SyncRequest;
import dev.tidesync.model.Trigger;
import dev.tidesync.model.Action;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.GuardSettings;
import dev.tidesync.config.IntegrateStrategy;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.RepositorySettings.ChangeRule;
import dev.tidesync.config.RepositorySettings.Gate;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.fixture.GitFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate command decides whether commits leave the machine; change rules keep some paths for manual syncs. */
class GateAndRulesTest {

    @TempDir
    Path dir;

    private GitFixture fx;
    private Path laptop;

    @BeforeEach
    void setUp() throws Exception {
        fx = new GitFixture(dir);
        laptop = fx.machine("laptop");
        write(laptop, "readme.md", "hi\n");
        fx.sync(laptop);
    }

    private RepositorySettings repo(List<ChangeRule> rules, Gate gate) {
        return new RepositorySettings(laptop.toString(), "laptop", SyncMode.AUTO_COMMIT, List.of(), IntegrateStrategy.REBASE,
                List.of(), GuardSettings.defaults(), rules, gate);
    }

    private SyncOutcome sync(RepositorySettings r, Trigger trigger) {
        var clock = java.time.Clock.systemUTC();
        var journal = new dev.tidesync.journal.Journal(dev.tidesync.config.TidesyncHome.single(fx.home("laptop")),
                Settings.defaults().history(), clock);
        return new RecordedSync(Settings.defaults(), journal, dev.tidesync.git.GitAccess.jgitOnly(), clock, "test-host")
                .run(r, SyncRequest.of(Action.SYNC, trigger));
    }

    @Test
    void aFailingGateKeepsTheCommitsLocalAndSaysWhy() throws Exception {
        write(laptop, "code.txt", "untested\n");

        SyncOutcome outcome = sync(repo(List.of(), new Gate("echo 2 tests failed; exit 1", 30)), Trigger.FILE_CHANGE);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("the gate `echo 2 tests failed; exit 1` failed (exit 1): 2 tests failed");
        assertThat(GitFixture.log(laptop, "main").getFirst()).startsWith("Add code.txt");
        assertThat(GitFixture.log(fx.remote(), "main")).noneMatch(s -> s.startsWith("Add code.txt"));
    }

    @Test
    void aPassingGateLetsThePushThrough() throws Exception {
        write(laptop, "code.txt", "tested\n");

        SyncOutcome outcome = sync(repo(List.of(), new Gate("test -f code.txt", 30)), Trigger.FILE_CHANGE);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(git(fx.remote(), "show", "main:code.txt")).isEqualTo("tested\n");
    }

    @Test
    void pathsMarkedNeverAreLeftForAManualSync() throws Exception {
        RepositorySettings r = repo(List.of(new ChangeRule("*.log", "never", 0)), null);
        write(laptop, "debug.log", "noise\n");
        write(laptop, "note.md", "signal\n");

        SyncOutcome automatic = sync(r, Trigger.FILE_CHANGE);

        assertThat(automatic.committed()).as(automatic.message()).containsExactly("A note.md");
        assertThat(git(laptop, "status", "--porcelain")).isEqualTo("?? debug.log\n");

        SyncOutcome manual = sync(r, Trigger.MANUAL);

        assertThat(manual.committed()).containsExactly("A debug.log");
    }
}
