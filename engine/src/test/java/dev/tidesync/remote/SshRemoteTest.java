package dev.tidesync.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.fixture.LoopbackServers;
import dev.tidesync.fixture.Secrets;
import dev.tidesync.fixture.Shell;
import dev.tidesync.fixture.Sshd;
import dev.tidesync.fixture.SystemUser;
import dev.tidesync.fixture.UserCli;
import dev.tidesync.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tidesync against a live OpenSSH server, run as a user whose ~/.ssh/config reaches it only
 * through an Include'd Host alias, whose key has a passphrase and is held only by ssh-agent,
 * and whose known_hosts decides which servers are trusted.
 */
class SshRemoteTest {

    static final String PASSPHRASE = "correct horse battery";

    static SystemUser server;
    static SystemUser user;
    static Sshd sshd;
    static Process agent;
    static Path agentSocket;
    static Path bare;

    UserCli cli;
    Path notes;

    @BeforeAll
    static void liveServerAndUser() throws Exception {
        LoopbackServers.require();
        server = SystemUser.fresh("tsgit", "/usr/bin/git-shell");
        user = SystemUser.fresh("tsclient", "/bin/bash");
        user.ok(user.home(), Map.of(), "mkdir", "-m", "700", "-p", user.home() + "/.ssh/config.d");
        user.ok(user.home(), Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE, "-C", "tidesync-test",
                "-f", user.home() + "/.ssh/id_gitbox");
        String publicKey = Files.readString(user.home().resolve(".ssh/id_gitbox.pub")).strip();
        sshd = Sshd.start(server, java.util.List.of(publicKey));

        user.write(".ssh/config", "Include config.d/*\n", "rw-------");
        user.write(".ssh/config.d/gitbox", String.join("\n",
                "Host gitbox gitjump",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User tsgit",
                "  IdentityFile ~/.ssh/id_gitbox",
                "  IdentitiesOnly yes",
                "Host gitbox-via-jump",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User tsgit",
                "  IdentityFile ~/.ssh/id_gitbox",
                "  ProxyJump gitjump") + "\n", "rw-------");
        user.write(".ssh/known_hosts", sshd.knownHostsLine() + "\n", "rw-------");
        // Identity as git resolves it: the work folder's includeIf overrides the e-mail.
        user.write(".gitconfig", String.join("\n",
                "[user]", "  name = Tess Client", "  email = tess@home.example",
                "[init]", "  defaultBranch = main",
                "[includeIf \"gitdir:~/work/\"]", "  path = ~/.gitconfig-work") + "\n", "rw-r--r--");
        user.write(".gitconfig-work", "[user]\n  email = tess@work.example\n", "rw-r--r--");

        agentSocket = user.home().resolve("agent.sock");
        agent = new ProcessBuilder("runuser", "-u", user.name(), "--", "ssh-agent", "-D", "-a", agentSocket.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitFile(agentSocket);
        user.write("askpass.sh", "#!/bin/sh\necho '" + PASSPHRASE + "'\n", "rwx------");
        user.ok(user.home(), Map.of("SSH_AUTH_SOCK", agentSocket.toString(), "SSH_ASKPASS", user.home() + "/askpass.sh",
                "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":none"), "ssh-add", user.home() + "/.ssh/id_gitbox");
        Files.delete(user.home().resolve("askpass.sh")); // from here on, only the agent can unlock the key

        bare = sshd.bareRepo("notes");
        Path seed = user.home().resolve("seed");
        git(user.home(), "clone", "--quiet", "gitbox:" + bare, seed.toString());
        user.write("seed/README.md", "# notes\n", "rw-r--r--");
        git(seed, "add", "README.md");
        git(seed, "commit", "--quiet", "-m", "first");
        git(seed, "push", "--quiet", "origin", "main");
    }

    @AfterAll
    static void stop() throws Exception {
        endSharedConnections();
        if (agent != null) {
            agent.destroyForcibly();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    /** Each test starts as a new login would: no ssh connection kept open by an earlier one. */
    static void endSharedConnections() throws Exception {
        if (user != null) {
            Shell.run("pkill", "-u", user.name(), "-x", "ssh");
            Thread.sleep(100);
        }
    }

    @BeforeEach
    void aWatchedCloneInTheWorkFolder() throws Exception {
        endSharedConnections();
        cli = new UserCli(user);
        notes = user.home().resolve("work/notes");
        git(user.home(), "clone", "--quiet", "gitbox:" + bare, notes.toString());
        assertThat(tidesync("add", notes.toString()).code()).isZero();
    }

    @AfterEach
    void forgetTheClone() throws Exception {
        user.ok(user.home(), Map.of(), "rm", "-rf", notes.toString(), cli.home().toString());
        // Whatever a test did, the final state of Tidesync's own files holds no secret.
        assertThat(secretsIn(cli.home())).isEmpty();
    }

    @Test
    void syncsThroughAnIncludedHostAliasWithAKeyOnlyTheAgentHolds() throws Exception {
        user.write("work/notes/today.md", "- call the plumber\n", "rw-r--r--");

        Shell.Out sync = tidesync("sync", notes.toString());

        assertThat(sync.code()).as(sync.text()).isZero();
        assertThat(serverGit("show", "main:today.md")).isEqualTo("- call the plumber\n");
        assertThat(serverGit("log", "-1", "--format=%an <%ae>", "main"))
                .as("the identity git resolves for ~/work/, includeIf and all")
                .isEqualTo("Tess Client <tess@work.example>\n");
    }

    @Test
    void pullsWhatAnotherMachinePushed() throws Exception {
        Path other = user.home().resolve("other");
        git(user.home(), "clone", "--quiet", "gitbox:" + bare, other.toString());
        user.write("other/from-desktop.md", "written elsewhere\n", "rw-r--r--");
        git(other, "add", "from-desktop.md");
        git(other, "commit", "--quiet", "-m", "from the desktop");
        git(other, "push", "--quiet", "origin", "main");

        Shell.Out sync = tidesync("sync", notes.toString());

        assertThat(sync.code()).as(sync.text()).isZero();
        assertThat(notes.resolve("from-desktop.md")).hasContent("written elsewhere");
        user.ok(user.home(), Map.of(), "rm", "-rf", other.toString());
    }

    @Test
    void syncsToOneHostShareOneSshConnectionWhenTheUsersConfigSetsNoSharingOfItsOwn() throws Exception {
        long before = acceptedLogins();
        for (int i = 0; i < 3; i++) {
            user.write("work/notes/shared-" + i + ".md", "edit " + i + "\n", "rw-r--r--");
            Shell.Out sync = tidesync("sync", notes.toString());
            assertThat(sync.code()).as(sync.text()).isZero();
        }

        assertThat(acceptedLogins() - before).as("three syncs (fetch, push, read-back each) over one login").isEqualTo(1);
        assertThat(serverGit("show", "main:shared-2.md")).isEqualTo("edit 2\n");
        Path sockets = Path.of("/tmp/tidesync-ssh-" + user.name());
        assertThat(java.nio.file.Files.getPosixFilePermissions(sockets)).as("only the user may reach the shared connection")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aUserWhoseSshConfigManagesSharingKeepsItsOwnWay() throws Exception {
        Path config = user.home().resolve(".ssh/config.d/gitbox");
        String plain = Files.readString(config);
        user.write(".ssh/config.d/gitbox", plain.replace("  IdentitiesOnly yes", "  IdentitiesOnly yes\n  ControlMaster no\n  ControlPath ~/.ssh/cm-%C"),
                "rw-------");
        try {
            long before = acceptedLogins();
            for (int i = 0; i < 2; i++) {
                user.write("work/notes/own-" + i + ".md", "edit " + i + "\n", "rw-r--r--");
                assertThat(tidesync("sync", notes.toString()).code()).isZero();
            }
            assertThat(acceptedLogins() - before).as("no master of ours: every git run logs in").isGreaterThanOrEqualTo(4);
        } finally {
            user.write(".ssh/config.d/gitbox", plain, "rw-------");
        }
    }

    private static long acceptedLogins() throws Exception {
        return sshd.log().lines().filter(l -> l.contains("Accepted publickey")).count();
    }

    @Test
    void reachesTheServerThroughAProxyJump() throws Exception {
        git(notes, "remote", "set-url", "origin", "gitbox-via-jump:" + bare);
        user.write("work/notes/jumped.md", "via the jump host\n", "rw-r--r--");

        Shell.Out sync = tidesync("sync", notes.toString());

        assertThat(sync.code()).as(sync.text()).isZero();
        assertThat(serverGit("show", "main:jumped.md")).isEqualTo("via the jump host\n");
    }

    @Test
    void withoutTheAgentItFailsAtOnceSaysWhatToDoAndNeverPrompts() throws Exception {
        user.write("work/notes/draft.md", "draft\n", "rw-r--r--");
        long started = System.nanoTime();

        Shell.Out sync = cli.tidesync(Map.of(), "sync", notes.toString()); // no SSH_AUTH_SOCK: the key stays locked

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(sync.code()).as(sync.text()).isEqualTo(1);
        assertThat(sync.text()).containsIgnoringCase("authentication failed for origin").contains("ssh-add");
        assertThat(seconds).as("a hang on a passphrase prompt would run into the 60 s limit").isLessThan(30);
        JsonNode status = Json.mapper().readTree(tidesync("status", notes.toString(), "--json").text()).get(0);
        assertThat(status.get("state").asText()).isEqualTo("error");
        assertThat(status.get("message").asText()).containsIgnoringCase("authentication failed for origin");
        assertThat(gitOut(notes, "log", "-1", "--format=%s")).as("the change is committed locally, nothing lost")
                .contains("draft.md");
    }

    @Test
    void anUnknownHostKeyIsRefusedUntilTheUserOptsIntoAcceptNew() throws Exception {
        Path knownHosts = user.home().resolve(".ssh/known_hosts");
        String trusted = Files.readString(knownHosts);
        user.write(".ssh/known_hosts", "", "rw-------");
        try {
            user.write("work/notes/refused.md", "x\n", "rw-r--r--");

            Shell.Out refused = tidesync("sync", notes.toString());

            assertThat(refused.code()).as(refused.text()).isEqualTo(1);
            assertThat(refused.text()).contains("not in ~/.ssh/known_hosts").contains("acceptNewHostKeys");
            assertThat(Files.readString(knownHosts)).as("never a silent accept").isEmpty();

            assertThat(tidesync("config", "set", "network.acceptNewHostKeys", "true").code()).isZero();
            Shell.Out accepted = tidesync("sync", notes.toString());

            assertThat(accepted.code()).as(accepted.text()).isZero();
            assertThat(Shell.run("ssh-keygen", "-F", "[127.0.0.1]:" + sshd.port(), "-f", knownHosts.toString()).code())
                    .as("the key is now recorded (hashed, as Debian's ssh does)").isZero();
        } finally {
            user.write(".ssh/known_hosts", trusted, "rw-------");
        }
    }

    @Test
    void aServerThatStopsAnsweringEndsTheSyncAndTheCommitWaitsLocally() throws Exception {
        assertThat(tidesync("config", "set", "network.timeoutSeconds", "3").code()).isZero();
        user.write("work/notes/offline.md", "written while the server hung\n", "rw-r--r--");
        sshd.freeze();
        Shell.Out stalled;
        try {
            stalled = tidesync("sync", notes.toString());
        } finally {
            sshd.thaw();
        }

        assertThat(stalled.code()).as(stalled.text()).isEqualTo(1);
        assertThat(stalled.text()).containsAnyOf("stopped making progress", "could not be reached", "stalled");
        assertThat(notes.resolve("offline.md")).hasContent("written while the server hung");

        Shell.Out after = tidesync("sync", notes.toString());

        assertThat(after.code()).as(after.text()).isZero();
        assertThat(serverGit("show", "main:offline.md")).isEqualTo("written while the server hung\n");
    }

    @Test
    void doctorChecksReadingAndWritingAndSaysWhatToFix() throws Exception {
        Shell.Out healthy = tidesync("doctor");

        assertThat(healthy.text()).contains("remotes are reached through git ")
                .contains("credentials accepted for reading").contains("accepts pushes")
                .contains("git identity Tess Client <tess@work.example>");

        Shell.Out locked = cli.tidesync(Map.of(), "doctor");

        assertThat(locked.code()).isEqualTo(1);
        assertThat(locked.text()).contains("FAIL  notes: Authentication failed for origin").contains("fix: ").contains("ssh-add");
    }

    Shell.Out tidesync(String... args) throws Exception {
        return cli.tidesync(Map.of("SSH_AUTH_SOCK", agentSocket.toString()), args);
    }

    static void git(Path dir, String... args) throws Exception {
        gitOut(dir, args);
    }

    static String gitOut(Path dir, String... args) throws Exception {
        String[] command = Stream.concat(Stream.of("git"), Stream.of(args)).toArray(String[]::new);
        return user.ok(dir, Map.of("SSH_AUTH_SOCK", agentSocket.toString()), command).text();
    }

    static String serverGit(String... args) throws Exception {
        String[] command = Stream.concat(Stream.of("git", "-c", "safe.directory=*", "--git-dir", bare.toString()), Stream.of(args))
                .toArray(String[]::new);
        return Shell.ok(command).text();
    }

    /** Any file under Tidesync's home that holds the passphrase or private key material. */
    static java.util.List<Path> secretsIn(Path home) throws Exception {
        String privateKey = Files.readString(user.home().resolve(".ssh/id_gitbox")).lines()
                .filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        return Secrets.filesHolding(home, PASSPHRASE, privateKey);
    }

    static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertThat(file).exists();
    }
}
