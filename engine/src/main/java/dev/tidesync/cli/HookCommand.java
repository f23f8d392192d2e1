package dev.tidesync.cli;

import dev.tidesync.model.RequestedBy;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.control.ControlClient;
import dev.tidesync.control.ControlMessage.Request;
import dev.tidesync.hook.HookClient;
import dev.tidesync.hook.HookEvent;
import dev.tidesync.hook.HookInput;
import dev.tidesync.hook.HookPlan;
import dev.tidesync.model.Action;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * For agent hooks. Always exits 0 and prints nothing on stdout unless --note asks for one line:
 * Claude Code treats exit 2 as "block" and feeds stdout to the model. Problems go to stderr,
 * the state and the tray.
 */
@Command(name = "hook", description = "For agent hooks (Claude Code, OpenCode, Codex): session-start, session-end, prompt or checkpoint. "
        + "Reads the hook's JSON from stdin when there is any; always exits 0.")
final class HookCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @Parameters(index = "0", paramLabel = "EVENT", description = "session-start, session-end, prompt or checkpoint")
    String event;

    /** Codex's notify program gets the turn's JSON as its last argument, not on stdin. */
    @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", description = "The agent's hook JSON, for agents that pass it as an argument (Codex)")
    String json;

    @Option(names = "--note", description = "Print one line for the agent's context, e.g. \"Tidesync: notes: Pulled 2 commits\"")
    boolean note;

    @Option(names = "--cwd", paramLabel = "DIR", description = "The agent's folder, when no hook JSON names it (default: the current folder)")
    Path cwd;

    /** Set by a hook process that already decided, on the detached process it starts to do the work. */
    @Option(names = "--agent", paramLabel = "NAME", description = "Which agent runs the hook (claude-code, opencode, codex), for the history")
    String agent;

    /** The agent's session id, handed to the background sync of a prompt hook (the agent gives it on stdin). */
    @Option(names = "--session", hidden = true, paramLabel = "ID")
    String session;

    @Option(names = "--run", hidden = true, paramLabel = "ACTION")
    String run;

    @Override
    public Integer call() {
        try {
            handle();
        } catch (CliError e) {
            warn(e.getMessage());
        } catch (RuntimeException | IOException e) {
            warn("hook " + event + " failed: " + e.getMessage());
            if (root.verbose) {
                e.printStackTrace(root.spec().commandLine().getErr());
            }
        }
        return ExitCodes.OK;
    }

    private void handle() throws IOException {
        HookEvent hook;
        try {
            hook = HookEvent.fromId(event);
        } catch (IllegalArgumentException e) {
            warn(e.getMessage());
            return;
        }
        Services services = root.services();
        if (run != null) {
            carryOut(services, hook, folder(new byte[0]), Action.fromId(run), who(Optional.ofNullable(session)));
            return;
        }
        byte[] stdin = json != null ? json.getBytes(java.nio.charset.StandardCharsets.UTF_8) : HookInput.readStdin(services.environment().in());
        Path folder = folder(stdin);
        RequestedBy who = who(HookInput.sessionOf(stdin));
        var reply = HookClient.ask(services.home(), hook, folder, who);
        if (reply.isPresent()) {
            if (note && reply.get().synced() && !reply.get().quiet()) {
                say(reply.get().message());
            }
            return;
        }
        // No engine runs: decide here, with the same rules and the shared prompt memory.
        HookPlan plan = HookPlan.of(services.settings(), services.journal(), hook, folder, services.environment().clock().instant(),
                RandomGenerator.getDefault());
        if (plan.request().isEmpty()) {
            return;
        }
        RepositorySettings repository = plan.repository().orElseThrow();
        boolean silent = services.settings().triggers().silent(hook.trigger());
        if (hook == HookEvent.PROMPT || hook == HookEvent.CHECKPOINT) {
            detach(services, hook, repository.workTree(), plan.request().get().action(), who);
            if (note && !silent) {
                say(repository.name() + ": syncing in the background");
            }
            return;
        }
        SyncOutcome outcome = services.syncService().run(repository, plan.request().get().by(who));
        if (note && !(silent && outcome.result().wentWell())) {
            say(repository.name() + ": " + outcome.message());
        }
    }

    private RequestedBy who(Optional<String> sessionId) {
        return RequestedBy.agent(agent, sessionId);
    }

    private void carryOut(Services services, HookEvent hook, Path folder, Action action, RequestedBy who) {
        RepositorySettings repository = services.watched(folder);
        services.syncService().run(repository, SyncRequest.of(action, hook.trigger()).by(who));
    }

    /** The prompt hook never waits for git: the sync runs in its own process, which outlives this one. */
    private void detach(Services services, HookEvent hook, Path workTree, Action action, RequestedBy who) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // leave the agent's process group, so its cleanup does not stop the sync
        }
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--home", services.home().stateDir().toString(), "hook", hook.id(), "--run", action.id(), "--cwd", workTree.toString(),
                "--agent", who.who()));
        who.session().ifPresent(id -> command.addAll(List.of("--session", id)));
        Path log = services.home().logsDir().resolve("hooks.log");
        Files.createDirectories(log.getParent());
        new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(dev.tidesync.io.Processes.nullDevice()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
    }

    /** The agent's folder: its hook JSON's "cwd" (read by the same code as the quick path), else --cwd, else here. */
    private Path folder(byte[] stdin) {
        return HookInput.folder(stdin, Optional.ofNullable(cwd));
    }

    private void say(String line) {
        root.spec().commandLine().getOut().println("Tidesync: " + line);
    }

    private void warn(String line) {
        root.spec().commandLine().getErr().println("tidesync: " + line);
    }
}
