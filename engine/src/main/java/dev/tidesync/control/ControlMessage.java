package dev.tidesync.control;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The control socket's protocol: one JSON request line, one JSON reply line, then the connection closes. */
public final class ControlMessage {

    private ControlMessage() {}

    /**
     * @param op     hook, reload or ping
     * @param event  for hook: session-start, session-end, prompt or checkpoint
     * @param cwd    for hook: the agent's folder
     * @param waitMs for hook: how long the caller will wait for a session start's pull
     * @param agent  for hook: which agent runs it (claude-code, opencode, codex), for the history
     * @param session for hook: the agent's session id, when its hook JSON had one
     * @param paths  for status: the work trees to read, all watched ones when empty
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String op, String event, String cwd, Long waitMs, String agent, String session, java.util.List<String> paths) {
        public Request(String op, String event, String cwd, Long waitMs, String agent, String session) {
            this(op, event, cwd, waitMs, agent, session, null);
        }

        public static Request ping() {
            return new Request("ping", null, null, null, null, null);
        }

        public static Request reload() {
            return new Request("reload", null, null, null, null, null);
        }

        /** A second launch of the tray app asks the running one to show itself. */
        public static Request show() {
            return new Request("show", null, null, null, null, null);
        }

        /** Where the announcement channel stands: the reply's first line is its id, the rest the work trees it covers. */
        public static Request channel() {
            return new Request("channel", null, null, null, null, null);
        }

        /** What became of the announcements since the engine started: the reply's message is their JSON, empty while off. */
        public static Request counts() {
            return new Request("counts", null, null, null, null, null);
        }

        /**
         * The status of these work trees (all the engine watches when empty), read now by the
         * engine: the reply's message is the contract's {@code status --json} array, and not ok when
         * the engine does not watch one of them (its config is older than the file).
         */
        public static Request status(java.util.List<String> workTrees) {
            return new Request("status", null, null, null, null, null, java.util.List.copyOf(workTrees));
        }

        public static Request hook(String event, String cwd, long waitMs, String agent, String session) {
            return new Request("hook", event, cwd, waitMs, agent, session);
        }
    }

    /**
     * @param pid   the engine's process id, so `doctor` and a second `run` can name it
     * @param quiet a hook's trigger is silent and its sync went well: no note for the agent
     */
    public record Reply(boolean ok, boolean synced, String message, long pid, boolean quiet) {
        public Reply(boolean ok, boolean synced, String message, long pid) {
            this(ok, synced, message, pid, false);
        }
    }
}
