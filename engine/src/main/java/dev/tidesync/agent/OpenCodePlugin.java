package dev.tidesync.agent;

/**
 * Tidesync as an OpenCode plugin: a file of its own, {@code tidesync.js}, in OpenCode's plugins
 * folder. OpenCode loads every file there, so the user's other plugins are never touched; a file
 * of that name without Tidesync's first line is the user's, and is left alone.
 */
final class OpenCodePlugin {

    static final String FILE_NAME = "tidesync.js";
    static final String MARK = "// Installed by `tidesync agent install opencode`; `tidesync agent remove opencode` deletes it.";

    private OpenCodePlugin() {}

    /** The plugin: pull as the session starts, maybe sync on a message, push when the session goes idle. */
    static String content(String tidesync) {
        String command = AgentFiles.jsonString(tidesync);
        return MARK + "\n"
                + "// Pull when a session starts, sync now and then while you work, push when the session goes idle.\n"
                + "const TIDESYNC = " + command + ";\n"
                + "\n"
                + "export const Tidesync = async ({ $, directory }) => {\n"
                + "  const hook = (event) => $`${TIDESYNC} hook ${event} --agent opencode --cwd ${directory}`.quiet().nothrow();\n"
                + "  await hook(\"session-start\");\n"
                + "  return {\n"
                + "    \"chat.message\": async () => { await hook(\"prompt\"); },\n"
                + "    event: async ({ event }) => {\n"
                + "      if (event.type === \"session.idle\") await hook(\"checkpoint\");\n"
                + "    },\n"
                + "  };\n"
                + "};\n";
    }

    static boolean isOurs(String text) {
        return text.startsWith(MARK);
    }
}
