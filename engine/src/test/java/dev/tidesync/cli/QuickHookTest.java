package dev.tidesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.control.ControlMessage.Reply;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.hook.HookClient;
import dev.tidesync.hook.HookEvent;
import dev.tidesync.hook.HookInput;
import dev.tidesync.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook's quick path speaks the control protocol exactly as the full CLI does, and only for the plain shapes. */
class QuickHookTest {

    @Test
    void itsRequestIsTheRequestTheEngineReads() throws Exception {
        String line = HookClient.request(HookEvent.SESSION_START, Path.of("/home/ana/notes \"quoted\" ü"), 45_000,
                dev.tidesync.model.RequestedBy.agent("claude-code", java.util.Optional.of("5f1c")));

        Request read = Json.mapper().readValue(line, Request.class);

        assertThat(read).isEqualTo(Request.hook("session-start", "/home/ana/notes \"quoted\" ü", 45_000, "claude-code", "5f1c"));
        assertThat(line).isEqualTo(Json.mapper().writeValueAsString(read));
    }

    @Test
    void itReadsTheEnginesReply() throws Exception {
        String line = Json.mapper().writeValueAsString(new Reply(true, true, "notes: Pulled 2 commits", 42));

        assertThat(HookClient.reply(line)).contains(new HookClient.Reply(true, "notes: Pulled 2 commits", false));
        String silent = Json.mapper().writeValueAsString(new Reply(true, true, "notes: Up to date", 42, true));
        assertThat(HookClient.reply(silent)).contains(new HookClient.Reply(true, "notes: Up to date", true));
        assertThat(HookClient.reply("{\"message\":\"no ok field\"}")).isEmpty();
        assertThat(HookClient.reply("garbage")).isEmpty();
    }

    @Test
    void itTakesOnlyThePlainShapesOfTheHookCommand() {
        assertThat(QuickHook.parse(new String[] {"hook", "prompt"})).isPresent();
        assertThat(QuickHook.parse(new String[] {"--home", "/h", "hook", "session-start", "--note", "--cwd", "/w"}))
                .hasValueSatisfying(c -> {
                    assertThat(c.home()).contains(Path.of("/h"));
                    assertThat(c.cwd()).contains(Path.of("/w"));
                    assertThat(c.note()).isTrue();
                    assertThat(c.event()).isEqualTo(HookEvent.SESSION_START);
                });
        assertThat(QuickHook.parse(new String[] {"hook", "checkpoint", "--home=/h", "--cwd=/w"})).isPresent();
        assertThat(QuickHook.parse(new String[] {"hook", "checkpoint", "--agent", "codex", "{\"thread-id\":\"t\"}"}))
                .as("Codex's notify: the agent's name and its JSON as the last argument").hasValueSatisfying(c -> {
                    assertThat(c.agent()).contains("codex");
                    assertThat(c.json()).contains("{\"thread-id\":\"t\"}");
                });

        assertThat(QuickHook.parse(new String[] {"hook", "prompt", "--run", "sync"})).as("the detached worker").isEmpty();
        assertThat(QuickHook.parse(new String[] {"hook", "lunch-break"})).as("the full way says what is wrong").isEmpty();
        assertThat(QuickHook.parse(new String[] {"hook"})).isEmpty();
        assertThat(QuickHook.parse(new String[] {"hook", "prompt", "--cwd"})).isEmpty();
        assertThat(QuickHook.parse(new String[] {"status", "prompt"})).isEmpty();
        assertThat(QuickHook.parse(new String[] {"--note", "hook", "prompt"})).isEmpty();
    }

    @Test
    void theAgentsFolderComesFromItsHookJson() {
        byte[] json = "{\"session_id\":\"a\",\"tool\":{\"cwd\":\"/nested\"},\"cwd\":\"/work/notes\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(HookInput.cwdOf(json)).contains(Path.of("/work/notes"));
        assertThat(HookInput.cwdOf("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(HookInput.cwdOf("{\"cwd\":\"  \"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(HookInput.cwdOf(new byte[0])).isEmpty();
        assertThat(HookInput.sessionOf(json)).contains("a");
        assertThat(HookInput.sessionOf("{\"thread-id\":\"t-9\"}".getBytes(StandardCharsets.UTF_8))).as("Codex").contains("t-9");
    }

    @Test
    void withNoEngineItHandsTheSameStdinToTheFullWay(@TempDir Path home) throws Exception {
        var stdin = new ByteArrayInputStream("{\"cwd\":\"/w\"}".getBytes(StandardCharsets.UTF_8));
        var out = new ByteArrayOutputStream();

        QuickHook.Outcome outcome = QuickHook.run(new String[] {"--home", home.toString(), "hook", "prompt"}, Map.of(), stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(outcome).isInstanceOfSatisfying(QuickHook.Outcome.FullWay.class,
                full -> assertThat(full.in()).hasContent("{\"cwd\":\"/w\"}"));
        assertThat(out.toByteArray()).isEmpty();
    }
}
