package dev.tidesync.sync;

import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.Settings;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's git set-up applies to Tidesync's commits as to their own: hooks run, the identity
 * comes from includeIf, and set-ups Tidesync cannot honour (signing, LFS without git-lfs)
 * are refused with a sentence instead of committed wrongly.
 */
class UsersGitSetupTest {

    @TempDir
    Path dir;

    GitFixture fx;
    Path laptop;
    Path home;
    GitAccess installedGit;

    @BeforeEach
    void aMachineWithItsOwnGlobalConfig() throws Exception {
        fx = new GitFixture(dir);
        laptop = fx.machine("laptop");
        write(laptop, "readme.md", "hi\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        home = Files.createDirectories(dir.resolve("home"));
        installedGit = GitAccess.detect(Settings.defaults().network(),
                Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString(), "GIT_CONFIG_NOSYSTEM", "1"));
    }

    @Test
    void aRefusingPreCommitHookLeavesTheChangeUncommittedAndSaysWhy() throws Exception {
        hook("pre-commit", "if git diff --cached | grep -q 'DO NOT COMMIT'; then echo 'found a DO NOT COMMIT marker' >&2; exit 1; fi");
        write(laptop, "notes.md", "draft — DO NOT COMMIT\n");

        SyncOutcome outcome = fx.sync(laptop);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("pre-commit hook refused the commit: found a DO NOT COMMIT marker");
        assertThat(fx.remoteFile("notes.md")).isNull();
        assertThat(laptop.resolve("notes.md")).hasContent("draft — DO NOT COMMIT");
    }

    @Test
    void postCommitAndPrePushHooksRunAroundTidesyncsCommitAndPush() throws Exception {
        hook("post-commit", "git log -1 --format=%s > .git/post-commit-saw");
        hook("pre-push", "echo pushing to $1 > .git/pre-push-saw");
        write(laptop, "notes.md", "hello\n");

        SyncOutcome outcome = fx.sync(laptop);

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(laptop.resolve(".git/post-commit-saw")).content().contains("notes.md");
        assertThat(laptop.resolve(".git/pre-push-saw")).content().startsWith("pushing to origin");
    }

    @Test
    void aRefusingPrePushHookKeepsTheCommitsLocal() throws Exception {
        hook("pre-push", "echo 'lint failed' >&2; exit 1");
        write(laptop, "notes.md", "hello\n");

        SyncOutcome outcome = fx.sync(laptop);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("pre-push hook refused the push").contains("lint failed").contains("stay local");
        assertThat(fx.remoteFile("notes.md")).isNull();
        assertThat(GitFixture.log(laptop, "HEAD").getFirst()).contains("notes.md");
    }

    @Test
    void theIdentityComesFromIncludeIfAsGitResolvesIt() throws Exception {
        git(laptop, "config", "--unset", "user.email");
        git(laptop, "config", "--unset", "user.name");
        Files.writeString(home.resolve(".gitconfig"), String.join("\n",
                "[user]", "  name = Ines Include", "  email = ines@home.example",
                "[includeIf \"gitdir:" + dir.toRealPath() + "/\"]", "  path = " + home.resolve("work.gitconfig")) + "\n");
        Files.writeString(home.resolve("work.gitconfig"), "[user]\n  email = ines@work.example\n");
        write(laptop, "notes.md", "hello\n");

        SyncOutcome outcome = fx.sync(laptop, installedGit);

        assertThat(outcome.result()).as(outcome.message()).isEqualTo(SyncResult.OK);
        assertThat(git(laptop, "log", "-1", "--format=%an <%ae>").strip()).isEqualTo("Ines Include <ines@work.example>");
    }

    @Test
    void signingSetThroughIncludeIfIsRefusedNotSkipped() throws Exception {
        Files.writeString(home.resolve(".gitconfig"), "[includeIf \"gitdir:" + dir.toRealPath() + "/\"]\n  path = "
                + home.resolve("sign.gitconfig") + "\n");
        Files.writeString(home.resolve("sign.gitconfig"), "[commit]\n  gpgsign = true\n");
        write(laptop, "notes.md", "hello\n");

        SyncOutcome outcome = fx.sync(laptop, installedGit);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("commit.gpgsign").contains("commits-only");
        assertThat(GitFixture.log(laptop, "HEAD")).hasSize(1);
    }

    @Test
    void gitLfsWithoutGitLfsInstalledIsRefusedSoNoLargeFileIsCommittedWhole() throws Exception {
        write(laptop, ".gitattributes", "*.psd filter=lfs diff=lfs merge=lfs -text\n");
        git(laptop, "add", ".gitattributes");
        git(laptop, "commit", "-q", "-m", "track psd with lfs");
        write(laptop, "cover.psd", "pretend these are 200 MB\n");

        SyncOutcome outcome = fx.sync(laptop, installedGit);

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.message()).contains("uses Git LFS").contains("git lfs install");
        assertThat(git(laptop, "log", "-1", "--format=%s").strip()).isEqualTo("track psd with lfs");
    }

    @Test
    void aPushTheServerDidNotKeepIsAnIntegrityFailureNotASuccess() throws Exception {
        String before = GitFixture.git(fx.remote(), "rev-parse", "main").strip();
        // The server takes the push, then puts its branch back: what a broken hook or a forced push by someone else does.
        serverHook("post-receive", "git update-ref refs/heads/main " + before);
        write(laptop, "notes.md", "kept?\n");

        SyncOutcome outcome = fx.sync(laptop, throughGit());

        assertThat(outcome.result()).isEqualTo(SyncResult.FAILED);
        assertThat(outcome.failure()).map(f -> f.kind()).contains(dev.tidesync.model.Failure.FailureKind.INTEGRITY);
        assertThat(outcome.message()).contains("accepted the push").contains("does not contain");
        assertThat(GitFixture.git(laptop, "log", "-1", "--format=%s").strip()).as("the commit is still here").contains("notes.md");
    }

    @Test
    void aRemoteThatMovedOnRightAfterThePushIsNotDamage() throws Exception {
        serverHook("post-receive", "export GIT_AUTHOR_NAME=o GIT_AUTHOR_EMAIL=o@x GIT_COMMITTER_NAME=o GIT_COMMITTER_EMAIL=o@x\n"
                + "c=$(git commit-tree $(git rev-parse main^{tree}) -p main -m 'another machine'); git update-ref refs/heads/main $c");
        write(laptop, "notes.md", "pushed\n");

        SyncOutcome outcome = fx.sync(laptop, throughGit());

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.notes()).anySatisfy(n -> assertThat(n).contains("moved on since the push"));
    }

    @Test
    void aPushThatLandedIsCheckedQuietly() throws Exception {
        write(laptop, "notes.md", "landed\n");

        SyncOutcome outcome = fx.sync(laptop, throughGit());

        assertThat(outcome.result()).isEqualTo(SyncResult.OK);
        assertThat(outcome.notes()).noneSatisfy(n -> assertThat(n).contains("push"));
        assertThat(GitFixture.git(fx.remote(), "rev-parse", "main").strip()).isEqualTo(GitFixture.git(laptop, "rev-parse", "HEAD").strip());
    }

    /** Every remote through the installed git, so the bare remote's own hooks run as a server's would. */
    private GitAccess throughGit() {
        var network = new Settings.NetworkSettings(30, Settings.TransportChoice.GIT, false);
        return GitAccess.detect(network, Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "GIT_CONFIG_NOSYSTEM", "1", "PATH", System.getenv("PATH")));
    }

    private void serverHook(String name, String body) throws Exception {
        Path hook = fx.remote().resolve("hooks").resolve(name);
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
    }

    private void hook(String name, String body) throws Exception {
        Path hook = laptop.resolve(".git/hooks").resolve(name);
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
    }
}
