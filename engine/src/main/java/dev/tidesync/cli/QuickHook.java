package dev.tidesync.cli;

import dev.tidesync.model.RequestedBy;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlClient;
import dev.tidesync.hook.HookClient;
import dev.tidesync.hook.HookEvent;
import dev.tidesync.hook.HookInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * `tidesync hook EVENT` while an engine runs, answered without picocli or Jackson's object
 * mapper: an agent runs the hook on every prompt, and those two cost ~0.4 s of class loading
 * in a fresh JVM. Only the plain shapes of the command take this path (`--home`, `--note`,
 * `--cwd`); anything else, or no engine answering, goes the full way through {@link HookCommand}
 * with the same stdin, so the behaviour is one and the same.
 */
final class QuickHook {

    /** What happened: answered here (with the exit code), or the full way is needed, with stdin as read so far. */
    sealed interface Outcome {
        record Answered(int exitCode) implements Outcome {}

        record FullWay(InputStream in) implements Outcome {}
    }

    /** @param json the hook JSON given as an argument (Codex's notify), read instead of stdin */
    record Command(Optional<Path> home, HookEvent event, boolean note, Optional<Path> cwd, Optional<String> agent, Optional<String> json) {}

    private QuickHook() {}

    static Outcome run(String[] args, Map<String, String> env, InputStream in, PrintStream out) {
        Optional<Command> command = parse(args);
        if (command.isEmpty()) {
            return new Outcome.FullWay(in);
        }
        Command c = command.get();
        TidesyncHome home = TidesyncHome.resolve(c.home(), env, dev.tidesync.io.OperatingSystem.current(), System.getProperty("user.home"));
        if (!ControlClient.socketExists(home)) {
            return new Outcome.FullWay(in);
        }
        byte[] stdin = c.json().isPresent() ? c.json().get().getBytes(java.nio.charset.StandardCharsets.UTF_8) : HookInput.readStdin(in);
        RequestedBy who = RequestedBy.agent(c.agent().orElse(null), HookInput.sessionOf(stdin));
        Optional<HookClient.Reply> reply = HookClient.ask(home, c.event(), HookInput.folder(stdin, c.cwd()), who);
        if (reply.isEmpty()) {
            return new Outcome.FullWay(new ByteArrayInputStream(stdin));
        }
        if (c.note() && reply.get().synced() && !reply.get().quiet()) {
            out.println("Tidesync: " + reply.get().message());
        }
        return new Outcome.Answered(ExitCodes.OK);
    }

    /**
     * The command's plain shapes only: a handful of known tokens, checked one by one, is all
     * this needs; picocli stays the parser of the CLI (and gets everything else).
     */
    static Optional<Command> parse(String[] args) {
        Optional<Path> home = Optional.empty();
        Optional<Path> cwd = Optional.empty();
        Optional<String> agent = Optional.empty();
        Optional<String> json = Optional.empty();
        HookEvent event = null;
        boolean note = false;
        boolean sawHook = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home") || a.equals("--cwd") || a.equals("--agent")) {
                if (i + 1 >= args.length) {
                    return Optional.empty();
                }
                String value = args[++i];
                switch (a) {
                    case "--home" -> home = Optional.of(Path.of(value));
                    case "--cwd" -> cwd = Optional.of(Path.of(value));
                    default -> agent = Optional.of(value);
                }
            } else if (a.startsWith("--agent=")) {
                agent = Optional.of(a.substring("--agent=".length()));
            } else if (a.startsWith("--home=")) {
                home = Optional.of(Path.of(a.substring("--home=".length())));
            } else if (a.startsWith("--cwd=")) {
                cwd = Optional.of(Path.of(a.substring("--cwd=".length())));
            } else if (a.equals("--note") && sawHook) {
                note = true;
            } else if (a.equals("hook") && !sawHook) {
                sawHook = true;
            } else if (event != null && json.isEmpty() && a.startsWith("{")) {
                json = Optional.of(a);
            } else if (sawHook && event == null && !a.startsWith("-")) {
                try {
                    event = HookEvent.fromId(a);
                } catch (IllegalArgumentException e) {
                    return Optional.empty(); // the full way says what is wrong
                }
            } else {
                return Optional.empty();
            }
        }
        return sawHook && event != null ? Optional.of(new Command(home, event, note, cwd, agent, json)) : Optional.empty();
    }
}
