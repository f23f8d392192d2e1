package dev.tidesync.torture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidesync.cli.Main;
import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of broken config files and control-socket messages, made by mutating good ones:
 * every command ends with exit 0 (the file was still valid) or 2 (one sentence naming the
 * file), never a stack trace, and a refused file is never rewritten; the engine answers or
 * drops every message and keeps running.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            {
              "enabled": true,
              "triggers": {
                "sessionStart": {"enabled": true, "action": "pull"},
                "userPrompt": {"enabled": true, "action": "sync", "probability": 27, "debounceMs": 5000},
                "fileChange": {"enabled": true, "inactivityMs": 5000},
                "poll": {"enabled": true, "intervalSeconds": 60},
                "schedule": {"enabled": false, "intervalMinutes": 60, "action": "sync"}
              },
              "commit": {"messageTemplate": "${summary} from ${host}"},
              "guards": {"secrets": true, "maxFileSizeBytes": 52428800, "massDeletion": {"enabled": true, "minFiles": 10, "fraction": 0.5}, "allow": []},
              "locks": {"staleIndexLockSeconds": 600, "waitSeconds": 30},
              "network": {"timeoutSeconds": 30, "transport": "auto", "acceptNewHostKeys": false},
              "history": {"maxBytes": 10485760, "keepFiles": 5},
              "desktop": {"notifications": "problems", "theme": "system"},
              "throttle": {"minIntervalSeconds": 10, "backoffBaseSeconds": 15, "backoffMaxSeconds": 1800, "attentionAfterFailures": 5},
              "watchRoots": [{"path": "WORK/roots", "maxDepth": 3}],
              "repositories": [
                {"path": "WORK/notes", "name": "notes", "mode": "auto-commit", "remotes": ["origin"], "integrate": "rebase",
                 "excludes": ["*.tmp", "build/"], "guards": {"maxFileSizeBytes": 1048576},
                 "rules": [{"pattern": "*.log", "when": "never"}, {"pattern": "journal/**", "when": "after", "changes": 5}]}
              ]
            }
            """;

    /** Commands that read the config, and ones that would write it. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("list"), List.of("config", "validate"), List.of("status", "--json"), List.of("disable"),
            List.of("config", "set", "triggers.poll.intervalSeconds", "120"), List.of("pause", "--for", "10m"), List.of("enable", "poll"));

    @Test
    void mutatedConfigFilesAreRefusedInOneSentenceAndNeverOverwritten() throws Exception {
        int runs = Torture.runs(1_500, 12_000);
        long seed = Long.getLong("torture.seed", System.nanoTime());
        Random random = new Random(seed);
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("roots"));
        GitFixture fx = new GitFixture(Files.createDirectories(dir.resolve("fx")));
        Path notes = fx.machine("notes");
        Files.move(notes, dir.resolve("notes"));
        String good = GOOD.replace("WORK", dir.toString());
        Map<String, Integer> exits = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            byte[] mutated = ConfigMutator.mutate(good, random);
            Path config = home.resolve("config.json");
            Files.write(config, mutated);
            List<String> command = COMMANDS.get(i % COMMANDS.size());
            Result r = cli(home, command);
            exits.merge(String.valueOf(r.code()), 1, Integer::sum);
            byte[] after = Files.readAllBytes(config);
            int known = problems.size();
            if (r.code() != 0 && r.code() != 2 && r.code() != 1) {
                problems.add("exit " + r.code() + " for " + command + ": " + r.err());
            } else if (r.code() == 2 && !Arrays.equals(after, mutated)) {
                problems.add("a refused file was rewritten by " + command);
            } else if (r.err().contains("Exception") || r.err().contains("\tat ")) {
                problems.add("a stack trace from " + command + ": " + r.err());
            } else if (r.code() == 2 && (r.err().strip().lines().count() != 1 || !r.err().contains("tidesync"))) {
                problems.add("not one sentence from " + command + ": " + r.err());
            } else if (r.code() == 0 && !Arrays.equals(after, mutated) && !loads(after)) {
                problems.add(command + " wrote a config it cannot read back");
            }
            if (problems.size() > known) { // keep the input, to reproduce it
                Path kept = Path.of(System.getProperty("torture.results", "target/torture")).resolve("bad-config-" + i + ".json");
                Files.createDirectories(kept.getParent());
                Files.write(kept, mutated);
            }
        }
        Torture.result("bad input: mutated config.json × 7 commands", runs, problems.size(),
                "exit codes " + exits + "; refused files never rewritten (seed " + seed + ")");
        assertThat(problems).as("seed %d", seed).isEmpty();
    }

    @Test
    void mutatedControlMessagesAreAnsweredOrDroppedAndTheEngineStaysUp() throws Exception {
        int runs = Torture.runs(1_500, 12_000);
        long seed = Long.getLong("torture.seed", System.nanoTime());
        Random random = new Random(seed);
        GitFixture fx = new GitFixture(dir);
        Path laptop = fx.machine("laptop");
        GitFixture.write(laptop, "readme.md", "seed\n");
        fx.sync(laptop);
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("config.json"), """
                {"throttle": {"minIntervalSeconds": 0},
                 "triggers": {"fileChange": {"inactivityMs": 200}, "poll": {"intervalSeconds": 3600}, "userPrompt": {"debounceMs": 0}},
                 "repositories": [{"path": "%s"}]}
                """.formatted(laptop.toRealPath()));
        byte[] config = Files.readAllBytes(home.resolve("config.json"));
        List<String> valid = List.of(
                "{\"op\":\"ping\"}", "{\"op\":\"reload\"}", "{\"op\":\"show\"}",
                "{\"op\":\"hook\",\"event\":\"prompt\",\"cwd\":\"" + laptop.toRealPath() + "\",\"waitMs\":0}",
                "{\"op\":\"hook\",\"event\":\"session-end\",\"cwd\":\"" + laptop.toRealPath() + "\",\"waitMs\":0}",
                "{\"op\":\"hook\",\"event\":\"session-start\",\"cwd\":\"/\",\"waitMs\":1000}");
        int answered = 0;
        int dropped = 0;
        try (Daemon daemon = Daemon.start(home, dir.resolve("run.log"))) {
            dev.tidesync.fixture.Await.until("the engine is up", Duration.ofSeconds(60), () -> daemon.output().contains("Up to date"));
            for (int i = 0; i < runs; i++) {
                byte[] message = ConfigMutator.mutate(valid.get(random.nextInt(valid.size())), random);
                String reply = exchange(home, message, random.nextInt(50) == 0);
                if (reply == null) {
                    dropped++;
                } else {
                    assertThat(Json.mapper().readTree(reply).has("ok")).as("a reply: %s", reply).isTrue();
                    answered++;
                }
                assertThat(daemon.process().isAlive()).as("alive after message %d (seed %d)", i, seed).isTrue();
            }
            assertThat(exchange(home, "{\"op\":\"ping\"}".getBytes(StandardCharsets.UTF_8), false)).contains("\"ok\":true");
            GitFixture.write(laptop, "after.md", "still syncing\n");
            dev.tidesync.fixture.Await.until("an edit still syncs", Duration.ofSeconds(30), () -> "still syncing\n".equals(fx.remoteFile("after.md")));
            assertThat(daemon.terminate(30)).isZero();
        }
        assertThat(Files.readAllBytes(home.resolve("config.json"))).isEqualTo(config);
        Torture.result("bad input: mutated control-socket messages", runs, 0,
                answered + " answered, " + dropped + " dropped (over-long or cut off); engine up, config untouched, still syncing (seed " + seed + ")");
    }

    private record Result(int code, String out, String err) {}

    private static Result cli(Path home, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(args);
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new ByteArrayInputStream(new byte[0]), Clock.systemUTC());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static boolean loads(byte[] config) {
        try {
            Json.mapper().readTree(config);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One request, one reply line (or null when the engine closed without one); sometimes no newline at all. */
    private static String exchange(Path home, byte[] message, boolean cutOff) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(home.resolve("tidesync.sock")));
            try {
                c.write(ByteBuffer.wrap(message));
                if (!cutOff) {
                    c.write(ByteBuffer.wrap(new byte[] {'\n'}));
                }
                c.shutdownOutput();
            } catch (IOException e) {
                return null; // the engine stopped reading an over-long line and closed: dropped
            }
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (c.read(buf) > 0) {
                reply.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            String text = reply.toString(StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        }
    }

    /** Breaks JSON text the ways files and messages get broken: bytes, tokens and structure. */
    static final class ConfigMutator {

        private static final String[] TOKENS = {"{", "}", "[", "]", "\"", ",", ":", "null", "-1", "0", "1e999", "-9223372036854775809",
            "\"\\u0000\"", "true", "[]", "{}", "\"x\"", "\\", "\uFEFF", "/*", "\n", "\"../../etc\"", "NaN", "\"" + "a".repeat(5000) + "\""};

        private ConfigMutator() {}

        static byte[] mutate(String good, Random random) throws IOException {
            int rounds = 1 + random.nextInt(3);
            String text = good;
            for (int r = 0; r < rounds; r++) {
                text = random.nextBoolean() ? structural(text, random) : textual(text, random);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0 && bytes.length > 0) { // raw bytes: invalid UTF-8, NULs
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            return bytes;
        }

        private static String textual(String text, Random random) {
            if (text.isEmpty()) {
                return TOKENS[random.nextInt(TOKENS.length)];
            }
            int at = random.nextInt(text.length());
            return switch (random.nextInt(5)) {
                case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
                case 1 -> text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
                case 2 -> text.substring(0, at);
                case 3 -> text.substring(0, at) + text.substring(at, Math.min(text.length(), at + 40)) + text.substring(at);
                default -> text.substring(0, at) + (char) (32 + random.nextInt(95)) + text.substring(Math.min(text.length(), at + 1));
            };
        }

        private static String structural(String text, Random random) throws IOException {
            JsonNode root;
            try {
                root = Json.mapper().readTree(text);
            } catch (IOException e) {
                return textual(text, random);
            }
            if (root == null || !root.isContainerNode()) {
                return textual(text, random);
            }
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            JsonNode value = randomValue(random);
            if (target instanceof ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                if (names.isEmpty() || random.nextInt(4) == 0) {
                    o.set(random.nextBoolean() ? "unknownKey" + random.nextInt(9) : "", value);
                } else if (random.nextInt(3) == 0) {
                    o.remove(names.get(random.nextInt(names.size())));
                } else {
                    o.set(names.get(random.nextInt(names.size())), value);
                }
            } else if (target instanceof ArrayNode a) {
                if (a.isEmpty() || random.nextBoolean()) {
                    a.add(value);
                } else {
                    a.set(random.nextInt(a.size()), value);
                }
            }
            return Json.mapper().writeValueAsString(root);
        }

        private static void collect(JsonNode node, List<JsonNode> into) {
            if (node.isContainerNode()) {
                into.add(node);
                node.forEach(child -> collect(child, into));
            }
        }

        private static JsonNode randomValue(Random random) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (random.nextInt(12)) {
                case 0 -> f.nullNode();
                case 1 -> f.booleanNode(random.nextBoolean());
                case 2 -> f.numberNode(random.nextInt());
                case 3 -> f.numberNode(-1);
                case 4 -> f.numberNode(Long.MAX_VALUE);
                case 5 -> f.numberNode(random.nextDouble() * 1e300);
                case 6 -> f.textNode("");
                case 7 -> f.textNode("relative/path");
                case 8 -> f.textNode("\u0000\uD800 weird " + random.nextInt());
                case 9 -> f.arrayNode().add(random.nextInt(3));
                case 10 -> f.objectNode().put("path", random.nextBoolean() ? "/" : "/nonexistent/" + random.nextInt());
                default -> f.textNode("x".repeat(random.nextInt(300)));
            };
        }
    }
}
