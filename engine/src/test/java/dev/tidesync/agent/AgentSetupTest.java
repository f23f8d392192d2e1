package dev.tidesync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.agent.AgentSetup.Change;
import dev.tidesync.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One command puts Tidesync's hooks into an agent's own settings, in the format that agent
 * documents, next to whatever else is there; another takes them out and leaves the file as it was.
 */
class AgentSetupTest {

    private static final String TIDESYNC = "/opt/tidesync/bin/tidesync";

    /** A Claude Code user's settings as they might be: their own hooks, permissions, a tab indent, CRLF line ends. */
    private static final String CLAUDE_SETTINGS = String.join("\r\n",
            "{",
            "\t\"model\": \"opus\",",
            "\t\"permissions\": {\"allow\": [\"Bash(npm run test:*)\"], \"deny\": []},",
            "\t\"hooks\": {",
            "\t\t\"PreToolUse\": [",
            "\t\t\t{\"matcher\": \"Bash\", \"hooks\": [{\"type\": \"command\", \"command\": \"~/bin/check-command\"}]}",
            "\t\t],",
            "\t\t\"SessionStart\": [",
            "\t\t\t{\"hooks\": [{\"type\": \"command\", \"command\": \"echo hello\"}]}",
            "\t\t]",
            "\t},",
            "\t\"env\": {\"EDITOR\": \"vim\"}",
            "}",
            "");

    @TempDir
    Path home;

    AgentSetup setup;

    @BeforeEach
    void aUser() {
        setup = new AgentSetup(Map.of(), home);
    }

    private Path claudeSettings() {
        return home.resolve(".claude/settings.json");
    }

    private JsonNode json(Path file) throws Exception {
        return Json.mapper().readTree(Files.readString(file));
    }

    @Test
    void claudeCodeGetsItsFourHooksInItsDocumentedFormat() throws Exception {
        Change change = setup.install(Agent.CLAUDE_CODE, Optional.empty(), TIDESYNC);

        assertThat(change).isInstanceOf(Change.Installed.class);
        JsonNode hooks = json(claudeSettings()).get("hooks");
        assertThat(hooks.fieldNames()).toIterable().containsExactly("SessionStart", "UserPromptSubmit", "Stop", "SessionEnd");
        JsonNode start = hooks.get("SessionStart").get(0).get("hooks").get(0);
        assertThat(start.get("type").asText()).isEqualTo("command");
        assertThat(start.get("command").asText()).isEqualTo(TIDESYNC + " hook session-start --note --agent claude-code");
        assertThat(start.get("timeout").asInt()).isEqualTo(60);
        assertThat(hooks.get("UserPromptSubmit").get(0).get("hooks").get(0).get("command").asText())
                .isEqualTo(TIDESYNC + " hook prompt --agent claude-code");
        assertThat(setup.status(Agent.CLAUDE_CODE, Optional.empty()).installed()).isTrue();
    }

    @Test
    void everythingElseInTheSettingsKeepsItsBytesAndRemoveRestoresThemExactly() throws Exception {
        Files.createDirectories(claudeSettings().getParent());
        Files.writeString(claudeSettings(), CLAUDE_SETTINGS);

        setup.install(Agent.CLAUDE_CODE, Optional.empty(), TIDESYNC);
        String installed = Files.readString(claudeSettings());
        JsonNode hooks = json(claudeSettings()).get("hooks");
        setup.remove(Agent.CLAUDE_CODE, Optional.empty());

        assertThat(hooks.get("PreToolUse").get(0).get("matcher").asText()).isEqualTo("Bash");
        assertThat(hooks.get("SessionStart")).hasSize(2);
        assertThat(hooks.get("SessionStart").get(0).get("hooks").get(0).get("command").asText()).as("the user's hook stays first")
                .isEqualTo("echo hello");
        assertThat(installed).startsWith(CLAUDE_SETTINGS.substring(0, CLAUDE_SETTINGS.indexOf("\t\t\t{\"hooks\": [{\"type\": \"command\", \"command\": \"echo")));
        assertThat(installed).contains("\r\n\t\t\"UserPromptSubmit\": [\r\n\t\t\t{\"hooks\"").doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
        assertThat(Files.readString(claudeSettings())).isEqualTo(CLAUDE_SETTINGS);
    }

    @Test
    void installingTwiceChangesNothingAndTheOldFileIsKeptBeside() throws Exception {
        Files.createDirectories(claudeSettings().getParent());
        Files.writeString(claudeSettings(), CLAUDE_SETTINGS);
        Files.setPosixFilePermissions(claudeSettings(), PosixFilePermissions.fromString("rw-------"));
        setup.install(Agent.CLAUDE_CODE, Optional.empty(), TIDESYNC);
        String once = Files.readString(claudeSettings());

        Change again = setup.install(Agent.CLAUDE_CODE, Optional.empty(), TIDESYNC);

        assertThat(again).isInstanceOf(Change.AlreadyInstalled.class);
        assertThat(Files.readString(claudeSettings())).isEqualTo(once);
        assertThat(Files.readString(AgentFiles.backupOf(claudeSettings()))).isEqualTo(CLAUDE_SETTINGS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(claudeSettings()))).isEqualTo("rw-------");
    }

    @Test
    void aNewPathToTidesyncReplacesTheOldHooksInsteadOfDoublingThem() throws Exception {
        setup.install(Agent.CLAUDE_CODE, Optional.empty(), "/old/place/tidesync");

        setup.install(Agent.CLAUDE_CODE, Optional.empty(), TIDESYNC);

        JsonNode hooks = json(claudeSettings()).get("hooks");
        assertThat(hooks.get("Stop")).hasSize(1);
        assertThat(hooks.toString()).doesNotContain("/old/place");
    }

    @Test
    void brokenSettingsAreNamedWithLineAndColumnAndLeftAlone() throws Exception {
        Files.createDirectories(claudeSettings().getParent());
        Files.writeString(claudeSettings(), "{\n  \"model\": \"opus\",\n  \"hooks\": {\n}\n");

        assertThatThrownBy(() -> setup.install(Agent.CLAUDE_CODE, Optional.empty(), TIDESYNC)).isInstanceOf(AgentException.class)
                .hasMessageContaining(claudeSettings() + " is not valid JSON at line").hasMessageEndingWith("nothing was changed");
        assertThat(Files.readString(claudeSettings())).isEqualTo("{\n  \"model\": \"opus\",\n  \"hooks\": {\n}\n");
    }

    @Test
    void aProjectGetsItsOwnSettingsAndRemovingTheOnlyHooksRemovesTheFile(@TempDir Path project) throws Exception {
        setup.install(Agent.CLAUDE_CODE, Optional.of(project), "tidesync");
        Path file = project.resolve(".claude/settings.json");
        assertThat(json(file).get("hooks").get("SessionEnd").get(0).get("hooks").get(0).get("command").asText())
                .isEqualTo("tidesync hook session-end --agent claude-code");

        Change removed = setup.remove(Agent.CLAUDE_CODE, Optional.of(project));

        assertThat(removed).isInstanceOf(Change.Removed.class);
        assertThat(file).doesNotExist();
        assertThat(claudeSettings()).as("the user's own settings were never touched").doesNotExist();
        assertThat(setup.remove(Agent.CLAUDE_CODE, Optional.of(project))).isInstanceOf(Change.NotInstalled.class);
    }

    @Test
    void aCommandWithSpacesIsQuotedForTheShellTheAgentRunsItIn() throws Exception {
        setup.install(Agent.CLAUDE_CODE, Optional.empty(), "/Applications/Tide Sync/bin/tidesync");

        assertThat(json(claudeSettings()).get("hooks").get("Stop").get(0).get("hooks").get(0).get("command").asText())
                .isEqualTo("'/Applications/Tide Sync/bin/tidesync' hook checkpoint --agent claude-code");
    }

    @Test
    void openCodeGetsAPluginFileOfItsOwnAndAFileThatIsNotOursIsLeftAlone() throws Exception {
        Path plugin = home.resolve(".config/opencode/plugins/tidesync.js");

        setup.install(Agent.OPENCODE, Optional.empty(), TIDESYNC);
        String content = Files.readString(plugin);
        setup.remove(Agent.OPENCODE, Optional.empty());
        Files.createDirectories(plugin.getParent());
        Files.writeString(plugin, "// my own tidesync experiment\n");

        assertThat(content).startsWith(OpenCodePlugin.MARK).contains("const TIDESYNC = \"" + TIDESYNC + "\";")
                .contains("hook ${event} --agent opencode --cwd ${directory}").contains("session.idle").contains("export const Tidesync");
        assertThatThrownBy(() -> setup.install(Agent.OPENCODE, Optional.empty(), TIDESYNC)).isInstanceOf(AgentException.class)
                .hasMessageContaining("is not Tidesync's");
        assertThat(setup.remove(Agent.OPENCODE, Optional.empty())).isInstanceOf(Change.NotInstalled.class);
        assertThat(Files.readString(plugin)).isEqualTo("// my own tidesync experiment\n");
    }

    @Test
    void openCodeFollowsXdgConfigHome(@TempDir Path config) throws Exception {
        AgentSetup xdg = new AgentSetup(Map.of("XDG_CONFIG_HOME", config.toString()), home);

        xdg.install(Agent.OPENCODE, Optional.empty(), TIDESYNC);

        assertThat(config.resolve("opencode/plugins/tidesync.js")).exists();
    }

    @Test
    void codexGetsItsNotifyProgramAtTheTopAndEverythingElseStays() throws Exception {
        Path config = home.resolve(".codex/config.toml");
        String mine = "# my codex settings\nmodel = \"o4-mini\"\n\n[mcp_servers.docs]\ncommand = \"docs-server\"\nnotify = \"not top-level\"\n";
        Files.createDirectories(config.getParent());
        Files.writeString(config, mine);

        setup.install(Agent.CODEX, Optional.empty(), TIDESYNC);
        String installed = Files.readString(config);
        setup.remove(Agent.CODEX, Optional.empty());

        assertThat(installed).isEqualTo("notify = [\"" + TIDESYNC + "\", \"hook\", \"checkpoint\", \"--agent\", \"codex\"]\n" + mine);
        assertThat(Files.readString(config)).isEqualTo(mine);
    }

    @Test
    void codexKeepsAnotherNotifyProgramAndHasNoProjectSettings(@TempDir Path project) throws Exception {
        Path config = home.resolve(".codex/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "notify = [\"notify-send\", \"Codex\"]\n");

        assertThatThrownBy(() -> setup.install(Agent.CODEX, Optional.empty(), TIDESYNC)).isInstanceOf(AgentException.class)
                .hasMessageContaining("already runs another notify program").hasMessageContaining("Codex runs only one");
        assertThatThrownBy(() -> setup.install(Agent.CODEX, Optional.of(project), TIDESYNC)).isInstanceOf(AgentException.class)
                .hasMessageContaining("not per project");
        assertThat(Files.readString(config)).isEqualTo("notify = [\"notify-send\", \"Codex\"]\n");
    }
}
