package dev.tidesync.sync;

import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Action;
import static dev.tidesync.fixture.GitFixture.assertHealthy;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.log;
import static dev.tidesync.fixture.GitFixture.read;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.IntegrateStrategy;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.model.Failure.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync cycle against a real bare remote and two real clones ("laptop" and "desktop"). */
class SyncCycleTest {

    @TempDir
    Path tmp;

    GitFixture fx;
    Path laptop;
    Path desktop;

    @BeforeEach
    void twoMachinesShareOneRemote() throws Exception {
        fx = new GitFixture(tmp);
        laptop = fx.machine("laptop");
        write(laptop, "notes/today.md", "first line\n");
        SyncOutcome first = fx.sync(laptop);
        assertThat(first.result()).as(first.message()).isEqualTo(SyncResult.OK);
        desktop = fx.machine("desktop");
    }

    @Test
    void editsRenamesDeletesAndUnicodePathsMakeTheRoundTrip() throws Exception {
        write(laptop, "notes/today.md", "first line\nsecond line\n");
        write(laptop, "journal/été 日本.md", "unicode name\n");
        write(laptop, "to-delete.txt", "soon gone\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        Files.move(laptop.resolve("journal/été 日本.md"), laptop.resolve("journal/renamed ✓.md"));
        Files.delete(laptop.resolve("to-delete.txt"));

        SyncOutcome pushed = fx.sync(laptop);
        SyncOutcome pulled = fx.sync(desktop);

        assertThat(pushed.result()).isEqualTo(SyncResult.OK);
        assertThat(pushed.committed()).containsExactlyInAnyOrder("R journal/été 日本.md -> journal/renamed ✓.md", "D to-delete.txt");
        assertThat(pulled.result()).isEqualTo(SyncResult.OK);
        assertThat(read(desktop, "notes/today.md")).isEqualTo("first line\nsecond line\n");
        assertThat(read(desktop, "journal/renamed ✓.md")).isEqualTo("unicode name\n");
        assertThat(desktop.resolve("journal/été 日本.md")).doesNotExist();
        assertThat(desktop.resolve("to-delete.txt")).doesNotExist();
        assertThat(git(desktop, "status", "--porcelain")).isEmpty();
        assertHealthy(desktop);
        assertHealthy(fx.remote());
    }

    @Test
    void bothMachinesEditingDifferentFilesEndWithBothEdits() throws Exception {
        fx.sync(desktop);
        write(laptop, "a.md", "from laptop\n");
        write(desktop, "b.md", "from desktop\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);

        SyncOutcome desktopSync = fx.sync(desktop);
        fx.sync(laptop);

        assertThat(desktopSync.result()).isEqualTo(SyncResult.OK);
        assertThat(desktopSync.commitsIn()).isEqualTo(1);
        assertThat(desktopSync.commitsOut()).isEqualTo(1);
        for (Path machine : List.of(laptop, desktop)) {
            assertThat(read(machine, "a.md")).isEqualTo("from laptop\n");
            assertThat(read(machine, "b.md")).isEqualTo("from desktop\n");
        }
        // Rebased, not merged: history stays a line.
        assertThat(git(desktop, "log", "--merges", "--format=%H")).isEmpty();
        assertThat(git(laptop, "rev-parse", "HEAD")).isEqualTo(git(desktop, "rev-parse", "HEAD"));
    }

    @Test
    void conflictingEditsLeaveTheWorkTreeAsTheUserHadIt() throws Exception {
        fx.sync(desktop);
        write(laptop, "notes/today.md", "laptop's version\n");
        fx.sync(laptop);
        write(desktop, "notes/today.md", "desktop's version\n");
        write(desktop, "untracked-draft.md", "a draft\n");
        byte[] before = Files.readAllBytes(desktop.resolve("notes/today.md"));

        SyncOutcome outcome = fx.sync(desktop);

        assertThat(outcome.result()).isEqualTo(SyncResult.CONFLICT);
        assertThat(outcome.conflictPaths()).containsExactly("notes/today.md");
        assertThat(outcome.message()).contains("notes/today.md").contains("untouched");
        assertThat(Files.readAllBytes(desktop.resolve("notes/today.md"))).isEqualTo(before);
        assertThat(read(desktop, "untracked-draft.md")).isEqualTo("a draft\n");
        assertThat(desktop.resolve(".git/rebase-merge")).doesNotExist();
        assertThat(desktop.resolve(".git/rebase-apply")).doesNotExist();
        assertThat(desktop.resolve(".git/MERGE_HEAD")).doesNotExist();
        assertThat(git(desktop, "status", "--porcelain")).as("the edit is committed locally, nothing half-done").isEmpty();
        assertThat(log(fx.remote(), "main")).first().asString().doesNotContain("desktop");
        assertHealthy(desktop);
    }

    @Test
    void repeatingAConflictedSyncDoesNotPileUpCommits() throws Exception {
        fx.sync(desktop);
        write(laptop, "notes/today.md", "laptop\n");
        fx.sync(laptop);
        write(desktop, "notes/today.md", "desktop\n");
        fx.sync(desktop);
        String head = git(desktop, "rev-parse", "HEAD");

        for (int i = 0; i < 3; i++) {
            assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.CONFLICT);
        }

        assertThat(git(desktop, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git(desktop, "for-each-ref", "refs/tidesync/")).isEmpty();
    }

    @Test
    void everyKindOfConflictIsReportedAndNothingIsLost() throws Exception {
        record Case(String name, String path, String laptopContent, String desktopContent) {}
        byte[] binaryA = {0, 1, 2, 3, 'a'};
        fx.sync(desktop);
        write(laptop, "both-edit.md", "base\n");
        write(laptop, "edit-delete.md", "base\n");
        write(laptop, "bin.dat", "x");
        Files.write(laptop.resolve("bin.dat"), new byte[] {0, 0, 0});
        fx.sync(laptop);
        fx.sync(desktop);

        // laptop: edits, adds; desktop: the clashing counterparts.
        write(laptop, "both-edit.md", "laptop\n");
        write(laptop, "edit-delete.md", "laptop edited\n");
        write(laptop, "both-add.md", "laptop added\n");
        Files.write(laptop.resolve("bin.dat"), binaryA);
        fx.sync(laptop);
        write(desktop, "both-edit.md", "desktop\n");
        Files.delete(desktop.resolve("edit-delete.md"));
        write(desktop, "both-add.md", "desktop added\n");
        Files.write(desktop.resolve("bin.dat"), new byte[] {9, 9, 0, 9});

        SyncOutcome outcome = fx.sync(desktop);

        assertThat(outcome.result()).isEqualTo(SyncResult.CONFLICT);
        assertThat(outcome.conflictPaths()).contains("both-edit.md", "bin.dat", "both-add.md");
        assertThat(read(desktop, "both-edit.md")).isEqualTo("desktop\n");
        assertThat(read(desktop, "both-add.md")).isEqualTo("desktop added\n");
        assertThat(Files.readAllBytes(desktop.resolve("bin.dat"))).containsExactly(9, 9, 0, 9);
        assertThat(desktop.resolve("edit-delete.md")).doesNotExist();
        // The laptop's side is intact on the remote.
        assertThat(git(fx.remote(), "show", "main:both-edit.md")).isEqualTo("laptop\n");
        assertThat(git(fx.remote(), "show", "main:edit-delete.md")).isEqualTo("laptop edited\n");
    }

    @Test
    void anUncommittedEditOverlappingIncomingChangesBlocksThePullAndIsKept() throws Exception {
        fx.sync(desktop);
        write(laptop, "notes/today.md", "laptop\n");
        fx.sync(laptop);
        write(desktop, "notes/today.md", "desktop, not committed\n");

        SyncOutcome outcome = fx.sync(desktop, dev.tidesync.model.Action.PULL);

        assertThat(outcome.result()).isEqualTo(SyncResult.CONFLICT);
        assertThat(outcome.conflictPaths()).containsExactly("notes/today.md");
        assertThat(read(desktop, "notes/today.md")).isEqualTo("desktop, not committed\n");
        assertThat(git(desktop, "status", "--porcelain")).isEqualTo(" M notes/today.md\n");
    }

    @Test
    void pullLeavesUnrelatedUncommittedEditsAlone() throws Exception {
        fx.sync(desktop);
        write(laptop, "incoming.md", "new\n");
        fx.sync(laptop);
        write(desktop, "notes/today.md", "my edit in progress\n");

        SyncOutcome outcome = fx.sync(desktop, dev.tidesync.model.Action.PULL);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.commitsIn()).isEqualTo(1);
        assertThat(read(desktop, "incoming.md")).isEqualTo("new\n");
        assertThat(read(desktop, "notes/today.md")).isEqualTo("my edit in progress\n");
        assertThat(git(desktop, "status", "--porcelain")).isEqualTo(" M notes/today.md\n");
    }

    @Test
    void everyBranchMoveLeavesABackupRef() throws Exception {
        fx.sync(desktop);
        write(laptop, "a.md", "a\n");
        fx.sync(laptop);
        write(desktop, "b.md", "b\n");

        SyncOutcome outcome = fx.sync(desktop);

        assertThat(outcome.backupRef()).isPresent();
        String backup = git(desktop, "rev-parse", outcome.backupRef().get()).strip();
        assertThat(git(desktop, "show", "--format=%s", "-s", backup)).contains("Add b.md");
        try (Git git = Git.open(desktop.toFile())) {
            assertThat(BackupRefs.latest(git.getRepository(), "main")).isPresent();
        }
    }

    @Test
    void anUnreachableRemoteIsAnOfflineFailureWithOneSentence() throws Exception {
        write(desktop, "note.md", "written offline\n");
        Files.move(fx.remote(), tmp.resolve("remote-away.git"));

        SyncOutcome outcome = fx.sync(desktop);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.failure()).as(outcome.message()).hasValueSatisfying(f -> assertThat(f.kind()).isIn(FailureKind.OFFLINE, FailureKind.NOT_FOUND));
        assertThat(outcome.message()).doesNotContain("Exception").doesNotContain("\n");
        assertThat(log(desktop, "HEAD")).first().asString().startsWith("Add note.md");
    }

    @Test
    void aPushGoesToEveryMirror() throws Exception {
        Path mirror = fx.bare("mirror");
        git(laptop, "remote", "add", "backup", mirror.toString());
        write(laptop, "mirrored.md", "everywhere\n");

        SyncOutcome outcome = fx.sync(laptop, RepositorySettings.of(laptop, List.of("origin", "backup"), SyncMode.AUTO_COMMIT));

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(git(mirror, "show", "main:mirrored.md")).isEqualTo("everywhere\n");
        assertThat(git(fx.remote(), "show", "main:mirrored.md")).isEqualTo("everywhere\n");
    }

    @Test
    void aFailingMirrorFailsTheSyncButThePrimaryStillGetsThePush() throws Exception {
        git(laptop, "remote", "add", "gone", tmp.resolve("no-such-mirror.git").toString());
        write(laptop, "x.md", "x\n");

        SyncOutcome outcome = fx.sync(laptop, RepositorySettings.of(laptop, List.of("origin", "gone"), SyncMode.AUTO_COMMIT));

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("mirror");
        assertThat(git(fx.remote(), "show", "main:x.md")).isEqualTo("x\n");
    }

    @Test
    void aMirrorThatFailedIsNamedOnceAndTheSyncThatCatchesItUpSaysSo() throws Exception {
        Path mirror = fx.bare("backup");
        Path away = tmp.resolve("backup-away.git");
        git(laptop, "remote", "add", "backup", mirror.toString());
        RepositorySettings both = RepositorySettings.of(laptop, List.of("origin", "backup"), SyncMode.AUTO_COMMIT);
        Files.move(mirror, away);
        write(laptop, "x.md", "x\n");

        SyncOutcome failed = fx.sync(laptop, both);
        Files.move(away, mirror);
        SyncOutcome caughtUp = fx.sync(laptop, both);

        assertThat(failed.result()).isEqualTo(SyncResult.FAILED);
        String sentence = failed.failure().orElseThrow().sentence();
        assertThat(failed.message().split(java.util.regex.Pattern.quote(sentence), -1)).as(failed.message()).hasSize(2);
        assertThat(caughtUp.result()).isEqualTo(SyncResult.OK);
        assertThat(caughtUp.message()).isEqualTo("Pushed 2 commits to backup"); // the new one and the one before, which backup never had
        assertThat(git(mirror, "show", "main:x.md")).isEqualTo("x\n");
    }

    @Test
    void theFirstPushToAnEmptyRemoteCreatesTheBranchAndTracksIt() throws Exception {
        Path empty = fx.bare("empty");
        Path fresh = tmp.resolve("fresh");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(fresh.toFile()).call()) {
            git.getRepository().getConfig().setString("user", null, "name", "Fresh");
            git.getRepository().getConfig().setString("user", null, "email", "fresh@example.com");
            git.getRepository().getConfig().save();
        }
        git(fresh, "remote", "add", "origin", empty.toString());
        write(fresh, "first.md", "hello\n");

        SyncOutcome outcome = fx.sync(fresh, RepositorySettings.of(fresh, List.of("origin"), SyncMode.AUTO_COMMIT));

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(git(empty, "show", "main:first.md")).isEqualTo("hello\n");
        assertThat(git(fresh, "rev-parse", "--abbrev-ref", "main@{upstream}").strip()).isEqualTo("origin/main");
    }

    @Test
    void anUnbornCloneWithLocalFilesJoinsTheRemotesHistory() throws Exception {
        Path fresh = tmp.resolve("unborn");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(fresh.toFile()).call()) {
            git.getRepository().getConfig().setString("user", null, "name", "U");
            git.getRepository().getConfig().setString("user", null, "email", "u@example.com");
            git.getRepository().getConfig().save();
        }
        git(fresh, "remote", "add", "origin", fx.remote().toString());
        write(fresh, "mine.md", "local before first sync\n");

        SyncOutcome outcome = fx.sync(fresh, RepositorySettings.of(fresh, List.of("origin"), SyncMode.AUTO_COMMIT));

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(read(fresh, "notes/today.md")).isEqualTo("first line\n");
        assertThat(read(fresh, "mine.md")).isEqualTo("local before first sync\n");
        assertThat(git(fx.remote(), "show", "main:mine.md")).isEqualTo("local before first sync\n");
    }

    @Test
    void aRebaseInProgressIsNeverTouched() throws Exception {
        write(desktop, "x.md", "pending\n");
        Files.createDirectories(desktop.resolve(".git/rebase-merge"));
        Files.writeString(desktop.resolve(".git/rebase-merge/head-name"), "refs/heads/main\n");

        SyncOutcome outcome = fx.sync(desktop);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.failure().orElseThrow().kind()).isEqualTo(FailureKind.UNSAFE_STATE);
        assertThat(outcome.message()).contains("rebase is in progress");
        assertThat(git(desktop, "status", "--porcelain")).contains("?? x.md");
    }

    @Test
    void aDetachedHeadIsNeverTouched() throws Exception {
        git(desktop, "checkout", "-q", "--detach");
        write(desktop, "x.md", "pending\n");

        SyncOutcome outcome = fx.sync(desktop);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("detached");
        assertThat(git(desktop, "status", "--porcelain")).contains("?? x.md");
    }

    @Test
    void commitsOnlyNeverCommitsButPublishesTheUsersCommits() throws Exception {
        write(desktop, "uncommitted.md", "leave me\n");
        write(desktop, "committed.md", "by hand\n");
        git(desktop, "add", "committed.md");
        git(desktop, "commit", "-q", "-m", "by hand");

        SyncOutcome outcome = fx.sync(desktop, RepositorySettings.of(desktop, List.of(), SyncMode.COMMITS_ONLY));

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(log(fx.remote(), "main")).first().isEqualTo("by hand");
        assertThat(git(desktop, "status", "--porcelain")).isEqualTo("?? uncommitted.md\n");
    }

    @Test
    void commitsOnlyPullsOnlyWhenTrackedFilesAreClean() throws Exception {
        write(laptop, "incoming.md", "new\n");
        fx.sync(laptop);
        write(desktop, "notes/today.md", "edited, not committed\n");

        SyncOutcome outcome = fx.sync(desktop, RepositorySettings.of(desktop, List.of(), SyncMode.COMMITS_ONLY));

        assertThat(outcome.result()).isEqualTo(SyncResult.SKIPPED);
        assertThat(outcome.message()).contains("uncommitted");
        assertThat(desktop.resolve("incoming.md")).doesNotExist();
    }

    @Test
    void pullOnlyBringsChangesInAndNeverPushes() throws Exception {
        write(laptop, "incoming.md", "new\n");
        fx.sync(laptop);
        write(desktop, "local.md", "stays local\n");

        SyncOutcome outcome = fx.sync(desktop, RepositorySettings.of(desktop, List.of(), SyncMode.PULL_ONLY));

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(read(desktop, "incoming.md")).isEqualTo("new\n");
        assertThat(git(desktop, "status", "--porcelain")).isEqualTo("?? local.md\n");
        assertThat(git(fx.remote(), "ls-tree", "--name-only", "main")).doesNotContain("local.md");
    }

    @Test
    void pushOnlyPublishesAndNeverPulls() throws Exception {
        fx.sync(desktop);
        write(desktop, "out.md", "out\n");

        SyncOutcome first = fx.sync(desktop, RepositorySettings.of(desktop, List.of(), SyncMode.PUSH_ONLY));
        write(laptop, "in.md", "in\n");
        fx.sync(laptop);
        write(desktop, "out2.md", "out again\n");
        SyncOutcome second = fx.sync(desktop, RepositorySettings.of(desktop, List.of(), SyncMode.PUSH_ONLY));

        assertThat(first.result()).isEqualTo(SyncResult.OK);
        assertThat(git(fx.remote(), "show", "main:out.md")).isEqualTo("out\n");
        assertThat(second.result()).isEqualTo(SyncResult.FAILED);
        assertThat(second.message()).contains("push-only");
        assertThat(desktop.resolve("in.md")).doesNotExist();
    }

    @Test
    void theMergeStrategyRecordsAMergeCommit() throws Exception {
        fx.sync(desktop);
        write(laptop, "a.md", "a\n");
        fx.sync(laptop);
        write(desktop, "b.md", "b\n");
        var merge = new RepositorySettings(desktop.toString(), "desktop", SyncMode.AUTO_COMMIT, List.of(),
                IntegrateStrategy.MERGE, List.of(), dev.tidesync.config.GuardSettings.defaults(), List.of(), null);

        SyncOutcome outcome = fx.sync(desktop, merge);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(git(desktop, "log", "--merges", "--format=%s")).startsWith("Merge origin/main into main");
        assertThat(read(desktop, "a.md")).isEqualTo("a\n");
    }

    @Test
    void ffOnlyRefusesToCombineDivergedHistories() throws Exception {
        fx.sync(desktop);
        write(laptop, "a.md", "a\n");
        fx.sync(laptop);
        write(desktop, "b.md", "b\n");
        var ffOnly = new RepositorySettings(desktop.toString(), "desktop", SyncMode.AUTO_COMMIT, List.of(),
                IntegrateStrategy.FF_ONLY, List.of(), dev.tidesync.config.GuardSettings.defaults(), List.of(), null);

        SyncOutcome outcome = fx.sync(desktop, ffOnly);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("ff-only");
        assertThat(desktop.resolve("a.md")).doesNotExist();
    }
}
