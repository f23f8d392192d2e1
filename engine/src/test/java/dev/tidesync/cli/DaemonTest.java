package dev.tidesync.cli;

import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidesync.fixture.Await;
import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tidesync run` as its own process: the control socket, hooks through it, clean stops, and kill -9. */
class DaemonTest {

    private static final Duration LIMIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private GitFixture fx;
    private Path laptop;
    private Path desktop;
    private Path home;

    @BeforeEach
    void setUp() throws Exception {
        fx = new GitFixture(dir);
        desktop = fx.machine("desktop");
        write(desktop, "readme.md", "hello\n");
        fx.sync(desktop);
        laptop = fx.machine("laptop");
        home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.json"), """
                {"throttle": {"minIntervalSeconds": 0},
                 "triggers": {"fileChange": {"inactivityMs": 300}, "poll": {"intervalSeconds": 3600}},
                 "repositories": [{"path": "%s"}]}
                """.formatted(laptop.toRealPath()));
    }

    private record Result(int code, String out, String err) {}

    private Result cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TIDESYNC_HOME", home.toString());
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void awaitSocket() throws Exception {
        Await.until("the engine's control socket is up", LIMIT, () -> Files.exists(home.resolve("tidesync.sock")));
    }

    @Test
    void aSessionStartHookIsServedByTheRunningEngineAndTheAgentGetsItsNote() throws Exception {
        try (Daemon daemon = Daemon.start(home, dir.resolve("run.log"))) {
            awaitSocket();
            Await.until("the start-up sync is done", LIMIT, () -> daemon.output().contains("[laptop] Up to date"));
            write(desktop, "from-desktop.md", "news\n");
            fx.sync(desktop);

            String json = """
                    {"session_id":"abc","transcript_path":"/tmp/t.jsonl","cwd":"%s","hook_event_name":"SessionStart","source":"startup"}
                    """.formatted(laptop.resolve("sub"));
            Result r = cli(json, "hook", "session-start", "--note", "--agent", "claude-code");
            var last = dev.tidesync.io.Json.mapper().readTree(cli("", "history", "--json", "--last", "1").out()).get(0);

            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("Tidesync: laptop: Pulled 1 commit");
            assertThat(last.get("trigger").asText()).isEqualTo("sessionStart");
            assertThat(last.get("requestedBy").asText()).as("the audit trail names the agent").isEqualTo("claude-code");
            assertThat(last.get("session").asText()).isEqualTo("abc");
            assertThat(laptop.resolve("from-desktop.md")).hasContent("news");
            assertThat(daemon.terminate(10)).isZero();
            assertThat(daemon.output()).contains("[INFO] [laptop]").contains("stopped");
            assertThat(home.resolve("tidesync.sock")).doesNotExist();
        }
    }

    @Test
    void statusJsonSaysWhetherTheRunningEnginesAnnouncementChannelListensForEachRepository() throws Exception {
        assertThat(dev.tidesync.io.Json.mapper().readTree(cli("", "status", "--json").out()).get(0).get("announcements").isNull())
                .as("no engine runs: nobody listens").isTrue();
        try (dev.tidesync.fixture.Mosquitto broker = dev.tidesync.fixture.Mosquitto.start(dir.resolve("broker"), java.util.Optional.empty())) {
            Files.writeString(home.resolve("config.json"), Files.readString(home.resolve("config.json")).replace("\"repositories\"",
                    "\"announce\": {\"url\": \"" + broker.url() + "\", \"key\": \"correct horse battery staple\"},\n \"repositories\""));
            try (Daemon daemon = Daemon.start(home, dir.resolve("run.log"))) {
                awaitSocket();
                Await.until("the channel listens for the laptop's branch", LIMIT, () -> "connected".equals(
                        dev.tidesync.io.Json.mapper().readTree(cli("", "status", "--json").out()).get(0).path("announcements").asText()));
                broker.publish("tidesync/v1/" + "0".repeat(64), "not json", false);
                write(laptop, "today.md", "pushed, so announced and heard back\n");
                Await.until("the engine heard its own announcement", LIMIT, () -> dev.tidesync.io.Json.mapper()
                        .readTree(cli("", "stats", "--json").out()).path("announcements").path("own").asLong() >= 1);
                assertThat(cli("", "stats").out()).contains("Announcements since the engine started: ").contains("our own");

                broker.close();

                Await.until("status says the channel is down", LIMIT, () -> "connecting".equals(
                        dev.tidesync.io.Json.mapper().readTree(cli("", "status", "--json").out()).get(0).path("announcements").asText()));
                assertThat(daemon.terminate(10)).isZero();
            }
        }
    }

    @Test
    void statusIsReadNowByTheRunningEngineAndSaysWhatTheCommandWouldReadItself() throws Exception {
        // A long quiet period: the edit below stays uncommitted while status is asked.
        Files.writeString(home.resolve("config.json"), Files.readString(home.resolve("config.json")).replace("\"inactivityMs\": 300",
                "\"inactivityMs\": 600000"));
        ObjectNode fromEngine;
        try (Daemon daemon = Daemon.start(home, dir.resolve("run.log"))) {
            awaitSocket();
            Await.until("the start-up sync is done", LIMIT, () -> daemon.output().contains("[laptop] Up to date"));
            write(laptop, "draft.md", "not committed yet\n");

            var reply = dev.tidesync.control.ControlClient.send(dev.tidesync.config.TidesyncHome.single(home),
                    dev.tidesync.control.ControlMessage.Request.status(List.of()), LIMIT).orElseThrow();
            fromEngine = (ObjectNode) Json.mapper().readTree(reply.message()).get(0);
            JsonNode printed = Json.mapper().readTree(cli("", "status", "--json").out()).get(0);
            Result human = cli("", "status");
            var unknown = dev.tidesync.control.ControlClient.send(dev.tidesync.config.TidesyncHome.single(home),
                    dev.tidesync.control.ControlMessage.Request.status(List.of(dir.toString())), LIMIT).orElseThrow();

            assertThat(reply.ok()).isTrue();
            assertThat(fromEngine.get("state").asText()).as("read now, not when the quiet period ends").isEqualTo("dirty");
            assertThat(fromEngine.get("dirtyFiles").asInt()).isEqualTo(1);
            assertThat(fromEngine.get("announcements").asText()).as("no announce.url: the engine's channel is off").isEqualTo("off");
            assertThat(printed).as("status --json prints the engine's answer").isEqualTo(fromEngine);
            assertThat(human.out()).contains("laptop").contains("dirty").contains("1 file changed locally; last sync");
            assertThat(unknown.ok()).as("a folder the engine does not watch: the command reads it itself").isFalse();
            assertThat(daemon.terminate(10)).isZero();
        }
        ObjectNode alone = (ObjectNode) Json.mapper().readTree(cli("", "status", "--json").out()).get(0);
        assertThat(alone.get("announcements").isNull()).as("no engine runs: nobody listens").isTrue();
        ObjectNode engineSaid = fromEngine.deepCopy();
        alone.remove("announcements");
        engineSaid.remove("announcements");
        assertThat((JsonNode) alone).as("read by the command itself, the same status").isEqualTo(engineSaid);
    }

    @Test
    void aSecondEngineForTheSameHomeRefusesWithASentence() throws Exception {
        try (Daemon first = Daemon.start(home, dir.resolve("first.log"))) {
            awaitSocket();
            Result second = cli("", "run");

            assertThat(second.code()).isEqualTo(1);
            assertThat(second.err()).contains("Tidesync is already running").contains("pid " + first.process().pid());
        }
    }

    @Test
    void aStaleSocketFromAKilledEngineDoesNotStopTheNextOne() throws Exception {
        try (Daemon first = Daemon.start(home, dir.resolve("first.log"))) {
            awaitSocket();
            first.kill();
        }
        assertThat(home.resolve("tidesync.sock")).exists(); // left behind by kill -9

        try (Daemon second = Daemon.start(home, dir.resolve("second.log"))) {
            Await.until("the new engine answers", LIMIT, () -> cli("", "hook", "prompt", "--cwd", dir.toString()).code() == 0
                    && dev.tidesync.control.ControlClient.running(dev.tidesync.config.TidesyncHome.single(home)));
            assertThat(second.terminate(10)).isZero();
        }
    }

    @Test
    void hooksNeverFailTheAgentEvenWithNoEngineBadJsonOrAnUnwatchedFolder() {
        Result unwatched = cli("{\"cwd\":\"" + dir + "\"}", "hook", "prompt");
        Result garbage = cli("not json at all", "hook", "session-end", "--cwd", dir.toString());
        Result unknown = cli("", "hook", "lunch-break");

        assertThat(List.of(unwatched.code(), garbage.code(), unknown.code())).containsOnly(0);
        assertThat(unwatched.out() + garbage.out() + unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("not a hook");
    }

    @Test
    void withNoEngineAPromptHookReturnsAtOnceAndItsSyncStillHappens() throws Exception {
        Files.writeString(home.resolve("config.json"), """
                {"triggers": {"userPrompt": {"probability": 1, "debounceMs": 0}}, "repositories": [{"path": "%s"}]}
                """.formatted(laptop.toRealPath()));
        write(laptop, "agent-wrote.md", "from the agent\n");

        Result r = cli("{\"cwd\":\"" + laptop + "\",\"session_id\":\"s-42\",\"hook_event_name\":\"UserPromptSubmit\",\"prompt\":\"go\"}",
                "hook", "prompt", "--agent", "codex");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        Await.until("the detached sync pushed the agent's file", LIMIT, () -> "from the agent\n".equals(fx.remoteFile("agent-wrote.md")));
        // The detached process records the sync after the push: let it finish before the folder goes.
        Await.until("the detached sync process ended", LIMIT, () -> ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine()
                .filter(c -> c.contains(home.toString()) && c.contains("--run")).isPresent()));
        var last = dev.tidesync.io.Json.mapper().readTree(cli("", "history", "--json", "--last", "1").out()).get(0);
        assertThat(last.get("requestedBy").asText()).isEqualTo("codex");
        assertThat(last.get("session").asText()).isEqualTo("s-42");
    }

    @Test
    void killingTheEngineAtAnyMomentLosesNothing() throws Exception {
        Random random = new Random(7);
        Map<String, String> lastWritten = new HashMap<>();
        List<Daemon> daemons = new ArrayList<>();
        try {
            for (int round = 0; round < 4; round++) {
                Daemon d = Daemon.start(home, dir.resolve("torture-" + round + ".log"));
                daemons.add(d);
                long killAt = System.nanoTime() + Duration.ofMillis(1500 + random.nextInt(1500)).toNanos();
                int i = 0;
                while (System.nanoTime() < killAt) { // keep writing while the engine commits and pushes
                    String name = "f" + random.nextInt(12) + ".md";
                    String content = "round " + round + " write " + i++ + "\n";
                    write(laptop, name, content);
                    lastWritten.put(name, content);
                    Thread.sleep(random.nextInt(60));
                }
                d.kill();
            }
            try (Daemon last = Daemon.start(home, dir.resolve("final.log"))) {
                Await.until("the remote has every file's last content", Duration.ofSeconds(60), () -> {
                    for (var e : lastWritten.entrySet()) {
                        if (!e.getValue().equals(fx.remoteFile(e.getKey()))) {
                            return false;
                        }
                    }
                    return true;
                });
                assertThat(last.terminate(10)).isZero();
            }
        } finally {
            for (Daemon d : daemons) {
                d.close();
            }
        }
        for (var e : lastWritten.entrySet()) {
            assertThat(laptop.resolve(e.getKey())).hasContent(e.getValue().strip());
        }
        assertThat(git(laptop, "status", "--porcelain")).isEmpty();
        GitFixture.assertHealthy(laptop);
        GitFixture.assertHealthy(fx.remote());
        try (Stream<Path> files = Files.walk(laptop.resolve(".git"))) {
            // git's lock files; Tidesync's own sync.lock is an OS lock that dies with its process
            assertThat(files.filter(p -> p.toString().endsWith(".lock") && !p.startsWith(laptop.resolve(".git/tidesync")))).isEmpty();
        }
    }
}
