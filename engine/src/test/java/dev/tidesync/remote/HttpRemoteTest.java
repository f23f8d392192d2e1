package dev.tidesync.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.cli.Main;
import dev.tidesync.fixture.Await;
import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitHttpServer;
import dev.tidesync.fixture.LoopbackServers;
import dev.tidesync.fixture.Secrets;
import dev.tidesync.fixture.Shell;
import dev.tidesync.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tidesync against git-http-backend behind basic auth, with the credentials where a developer
 * keeps them: a git credential helper (whose password holds '=' and '+'), git's store.
 */
class HttpRemoteTest {

    static final String USER = "tidesync";
    static final String PASSWORD = "s3cr=t+pa55==";

    static GitHttpServer server;

    @TempDir
    Path tmp;
    Path userHome;
    Path tidesyncHome;
    Path notes;
    String url;

    @BeforeAll
    static void liveServer() throws Exception {
        LoopbackServers.require();
        server = GitHttpServer.start(USER, PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void aUserWithACredentialHelperAndAWatchedClone() throws Exception {
        userHome = Files.createDirectories(tmp.resolve("home"));
        tidesyncHome = tmp.resolve("tidesync");
        Path helper = userHome.resolve("bin/credential-helper");
        Files.createDirectories(helper.getParent());
        // A helper in git's protocol: key=value lines, split by git at the first '='.
        Files.writeString(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 0\necho username=" + USER + "\necho 'password=" + PASSWORD + "'\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(userHome.resolve(".gitconfig"), String.join("\n",
                "[user]", "  name = Hana Http", "  email = hana@example.com",
                "[init]", "  defaultBranch = main",
                "[credential]", "  helper = " + helper) + "\n");
        String name = "notes" + System.nanoTime();
        url = server.bareRepo(name);
        Path seed = tmp.resolve("seed");
        git(tmp, "clone", "--quiet", url, seed.toString());
        Files.writeString(seed.resolve("README.md"), "# notes\n");
        git(seed, "add", "README.md");
        git(seed, "commit", "--quiet", "-m", "first");
        git(seed, "push", "--quiet", "origin", "main");
        notes = tmp.resolve("notes");
        git(tmp, "clone", "--quiet", url, notes.toString());
        assertThat(tidesync("add", notes.toString()).code()).isZero();
    }

    @AfterEach
    void nothingSecretInTidesyncsFiles() throws Exception {
        assertThat(Secrets.filesHolding(tidesyncHome, PASSWORD)).isEmpty();
    }

    @Test
    void pushesAndPullsWithTheUsersCredentialHelper() throws Exception {
        Files.writeString(notes.resolve("groceries.md"), "- oat milk\n");

        Run pushed = tidesync("sync", notes.toString());

        assertThat(pushed.code()).as(pushed.all()).isZero();
        assertThat(serverFile("groceries.md")).isEqualTo("- oat milk\n");

        Path desktop = tmp.resolve("desktop");
        git(tmp, "clone", "--quiet", url, desktop.toString());
        Files.writeString(desktop.resolve("todo.md"), "- file taxes\n");
        git(desktop, "add", "todo.md");
        git(desktop, "commit", "--quiet", "-m", "from the desktop");
        git(desktop, "push", "--quiet", "origin", "main");

        Run pulled = tidesync("sync", notes.toString());

        assertThat(pulled.code()).as(pulled.all()).isZero();
        assertThat(notes.resolve("todo.md")).hasContent("- file taxes");
    }

    @Test
    void aWrongPasswordFailsWithinSecondsSaysWhatToDoAndIsNotRetried() throws Exception {
        useStoredPassword("not-the-password");
        Files.writeString(notes.resolve("draft.md"), "draft\n");
        long started = System.nanoTime();

        Run sync = tidesync("sync", notes.toString());

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(sync.code()).as(sync.all()).isEqualTo(1);
        assertThat(sync.err()).containsIgnoringCase("authentication failed for origin").contains("credential helper");
        assertThat(seconds).as("no prompt waited for input").isLessThan(30);
        JsonNode status = Json.mapper().readTree(tidesync("status", notes.toString(), "--json").out()).get(0);
        assertThat(status.get("state").asText()).isEqualTo("error");
        assertThat(status.get("message").asText()).containsIgnoringCase("authentication failed for origin");

        // The engine tries once, marks the repository as needing attention, and then waits for the user.
        assertThat(tidesync("config", "set", "triggers.fileChange.inactivityMs", "1000").code()).isZero();
        Path log = tmp.resolve("engine.log");
        try (Daemon engine = Daemon.start(tidesyncHome, log, gitEnvironment())) {
            Await.until("the engine's first sync failed", Duration.ofSeconds(30), () -> Files.exists(log)
                    && Files.readString(log).contains("needs attention"));
            for (int i = 0; i < 3; i++) {
                Files.writeString(notes.resolve("draft.md"), "draft " + i + "\n");
                Thread.sleep(1500);
            }
            assertThat(engine.terminate(10)).isZero();
        }
        List<JsonNode> attempts = history().stream().filter(r -> r.path("result").asText().equals("failed")).toList();
        assertThat(attempts).as("one attempt by the CLI, one by the engine, none after; log:%n%s", Files.readString(log)).hasSize(2);
    }

    @Test
    void aPasswordInTheRemoteUrlNeverReachesTidesyncsFiles() throws Exception {
        String secret = "hunter2-in-the-url";
        git(notes, "remote", "set-url", "origin", url.replace("http://", "http://" + USER + ":" + secret + "@"));
        git(notes, "config", "credential.helper", ""); // only the URL's password is offered
        Files.writeString(notes.resolve("leak.md"), "x\n");

        Run sync = tidesync("sync", notes.toString());
        Run doctor = tidesync("doctor");

        assertThat(sync.code()).isEqualTo(1);
        assertThat(sync.all() + doctor.all()).doesNotContain(secret);
        assertThat(Secrets.filesHolding(tidesyncHome, secret)).isEmpty();
    }

    @Test
    void aServerThatStopsAnsweringIsLetGoAndTheCommitWaitsForTheNextSync() throws Exception {
        assertThat(tidesync("config", "set", "network.timeoutSeconds", "2").code()).isZero();
        Files.writeString(notes.resolve("during-outage.md"), "kept\n");
        server.freeze();
        Run stalled;
        try {
            stalled = tidesync("sync", notes.toString());
        } finally {
            server.thaw();
        }

        assertThat(stalled.code()).as(stalled.all()).isEqualTo(1);
        assertThat(stalled.err()).containsAnyOf("stopped making progress", "stalled", "could not be reached");
        assertThat(notes.resolve("during-outage.md")).hasContent("kept");

        Run after = tidesync("sync", notes.toString());

        assertThat(after.code()).as(after.all()).isZero();
        assertThat(serverFile("during-outage.md")).isEqualTo("kept\n");
    }

    @Test
    void theUsersPrePushHookRunsAndCanHoldThePushBack() throws Exception {
        Path hook = notes.resolve(".git/hooks/pre-push");
        Files.writeString(hook, "#!/bin/sh\necho 'tests are red, not pushing' >&2\nexit 1\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(notes.resolve("wip.md"), "wip\n");

        Run sync = tidesync("sync", notes.toString());

        assertThat(sync.code()).as(sync.all()).isEqualTo(1);
        assertThat(sync.err()).contains("pre-push hook said: tests are red, not pushing").contains("stay local");
        assertThat(serverFile("wip.md")).isNull();

        Files.delete(hook);
        assertThat(tidesync("sync", notes.toString()).code()).isZero();
        assertThat(serverFile("wip.md")).isEqualTo("wip\n");
    }

    @Test
    void doctorChecksReadingAndWritingWithTheStoredCredentials() throws Exception {
        Run healthy = tidesync("doctor");

        assertThat(healthy.out()).contains("credentials accepted for reading").contains("accepts pushes");

        useStoredPassword("wrong");
        Run broken = tidesync("doctor");

        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("FAIL  notes: Authentication failed for origin").contains("fix: git has no working credentials");
    }

    /** Replaces the helper by git's own store holding {@code password}. */
    void useStoredPassword(String password) throws Exception {
        String encoded = java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
        Files.writeString(userHome.resolve(".git-credentials"), "http://" + USER + ":" + encoded + "@127.0.0.1:" + server.port() + "\n");
        git(notes, "config", "credential.helper", "");
        git(notes, "config", "--add", "credential.helper", "store");
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Map<String, String> gitEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", userHome.toString());
        env.put("XDG_CONFIG_HOME", userHome.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("TIDESYNC_HOME", tidesyncHome.toString());
        return env;
    }

    Run tidesync(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                gitEnvironment(), new ByteArrayInputStream(new byte[0]), Clock.systemUTC());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<JsonNode> history() throws Exception {
        Run run = tidesync("history", notes.toString(), "--json");
        List<JsonNode> records = new java.util.ArrayList<>();
        Json.mapper().readTree(run.out()).forEach(records::add);
        return records;
    }

    void git(Path dir, String... args) throws Exception {
        Shell.run(dir, gitEnvironment(), Stream.concat(Stream.of("git"), Stream.of(args)).toList()).orFail("git " + String.join(" ", args));
    }

    String serverFile(String path) throws Exception {
        Shell.Out out = Shell.run("git", "--git-dir", repoPath().toString(), "show", "main:" + path);
        return out.code() == 0 ? out.text() : null;
    }

    Path repoPath() {
        String name = url.substring(url.lastIndexOf('/') + 1).replace(".git", "");
        return server.repoPath(name);
    }
}
