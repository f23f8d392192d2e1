package dev.tidesync.cli;

import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.InProcessCli;
import dev.tidesync.fixture.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No push carries a secret, whoever made the commit: Tidesync, the user by hand, an agent. Before
 * every push the lines the new commits add are read with the same rules as Tidesync's own commits.
 */
class PushSecretsTest {

    /** Made up, in the shape of an AWS access key id. */
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";

    @TempDir
    Path tmp;

    GitFixture fx;
    InProcessCli cli;
    Path laptop;
    Path backup;

    @BeforeEach
    void aWatchedMachineWithABackupMirror() throws Exception {
        fx = new GitFixture(tmp);
        cli = new InProcessCli(tmp.resolve("tidesync-home"));
        laptop = fx.machine("laptop");
        backup = fx.bare("backup");
        git(laptop, "remote", "add", "backup", backup.toString());
        write(laptop, "a.md", "a\n");
        assertThat(cli.run("add", laptop.toString(), "--remote", "origin", "--remote", "backup").code()).isZero();
        assertThat(cli.run("sync", laptop.toString()).code()).isZero();
    }

    private String commitByHand(String path, String content, String subject) throws Exception {
        write(laptop, path, content);
        git(laptop, "add", path);
        git(laptop, "commit", "-q", "-m", subject);
        return git(laptop, "rev-parse", "HEAD").strip();
    }

    private boolean onRemote(Path bare, String path) throws Exception {
        return !git(bare, "ls-tree", "--name-only", "main").lines().filter(path::equals).toList().isEmpty();
    }

    @Test
    void aCommitMadeByHandThatAddsAKeyIsPushedNowhere() throws Exception {
        String commit = commitByHand("creds.txt", "aws_access_key_id = " + KEY + "\n", "Add creds");

        Run push = cli.run("push", laptop.toString());

        assertThat(push.code()).isEqualTo(ExitCodes.HELD_BACK);
        assertThat(push.out()).contains("commit " + commit.substring(0, 7)).contains("creds.txt").contains("AWS access key")
                .contains("guards.allow").contains("tidesync push --allow-secret " + commit.substring(0, 7));
        assertThat(onRemote(fx.remote(), "creds.txt")).isFalse();
        assertThat(onRemote(backup, "creds.txt")).as("the mirror gets the same check").isFalse();
        assertThat(git(laptop, "rev-parse", "HEAD").strip()).as("the user's commit is untouched").isEqualTo(commit);
    }

    @Test
    void aKeyBuriedUnderLaterCommitsIsStillFound() throws Exception {
        String commit = commitByHand("config/app.ini", "key=" + KEY + "\n", "Configure app");
        commitByHand("config/app.ini", "key=from-the-environment\n", "Take the key out again");
        write(laptop, "later.md", "later\n"); // and an automatic commit on top

        Run sync = cli.run("sync", laptop.toString());

        assertThat(sync.code()).isEqualTo(ExitCodes.HELD_BACK);
        assertThat(sync.out()).contains("commit " + commit.substring(0, 7)).contains("config/app.ini");
        assertThat(git(fx.remote(), "log", "--format=%s", "main")).doesNotContain("Configure app");
    }

    @Test
    void theRefusalIsASecurityEventInTheHistoryAndTheStatusSaysWhy() throws Exception {
        commitByHand("creds.txt", KEY + "\n", "Add creds");

        cli.run("push", laptop.toString());
        JsonNode last = cli.run("history", "--json", "--last", "1").json().get(0);
        JsonNode status = cli.run("status", "--json").json().get(0);

        assertThat(last.get("event").asText()).isEqualTo("push-refused");
        assertThat(last.get("result").asText()).isEqualTo("held-back");
        assertThat(last.get("errorKind").asText()).isEqualTo("secret");
        assertThat(last.get("requestedBy").asText()).isEqualTo("user");
        assertThat(status.get("state").asText()).isEqualTo("error");
        assertThat(status.get("message").asText()).contains("creds.txt");
    }

    @Test
    void pushAllowSecretLetsThatOneCommitGo() throws Exception {
        String commit = commitByHand("docs/example.txt", "for example " + KEY + "\n", "Document the key format");

        Run push = cli.run("push", laptop.toString(), "--allow-secret", commit.substring(0, 9));

        assertThat(push.code()).as(push.out()).isZero();
        assertThat(onRemote(fx.remote(), "docs")).isTrue();
        assertThat(onRemote(backup, "docs")).isTrue();
    }

    @Test
    void allowingOneCommitDoesNotAllowTheNext() throws Exception {
        String first = commitByHand("one.txt", KEY + "\n", "One");
        String second = commitByHand("two.txt", "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789AB" + "\n", "Two");

        Run push = cli.run("push", laptop.toString(), "--allow-secret", first);

        assertThat(push.code()).isEqualTo(ExitCodes.HELD_BACK);
        assertThat(push.out()).contains("commit " + second.substring(0, 7)).contains("two.txt");
    }

    @Test
    void anAllowEntryForThePathLetsItGo() throws Exception {
        cli.run("config", "set", "repositories.0.guards.allow", "[\"fixtures/**\"]");
        commitByHand("fixtures/fake-key.txt", KEY + "\n", "Add a test fixture");

        Run push = cli.run("push", laptop.toString());

        assertThat(push.code()).as(push.out()).isZero();
        assertThat(onRemote(fx.remote(), "fixtures")).isTrue();
    }

    @Test
    void whatARemoteAlreadyHasIsNotReadAgain() throws Exception {
        commitByHand("creds.txt", KEY + "\n", "Pushed by hand, outside Tidesync");
        git(laptop, "push", "-q", "origin", "main");
        git(laptop, "push", "-q", "backup", "main");
        write(laptop, "b.md", "b\n");

        Run sync = cli.run("sync", laptop.toString());

        assertThat(sync.code()).as("the key is out already; nothing new carries one: %s", sync.out()).isZero();
        assertThat(onRemote(fx.remote(), "b.md")).isTrue();
    }

    @Test
    void aBadAllowSecretValueIsAUsageError() {
        Run push = cli.run("push", laptop.toString(), "--allow-secret", "creds.txt");

        assertThat(push.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(push.err()).contains("--allow-secret takes a commit id");
    }
}
