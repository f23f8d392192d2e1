package dev.tidesync.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tidesync.config.TidesyncHome;
import dev.tidesync.control.ControlClient;
import dev.tidesync.engine.HookEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    record Command(Optional<Path> home, HookEvent event, boolean note, Optional<Path> cwd) {}

    private static final JsonFactory JSON = new JsonFactory();

    private QuickHook() {}

    static Outcome run(String[] args, Map<String, String> env, InputStream in, PrintStream out) {
        Optional<Command> command = parse(args);
        if (command.isEmpty()) {
            return new Outcome.FullWay(in);
        }
        Command c = command.get();
        TidesyncHome home = TidesyncHome.resolve(c.home(), env, System.getProperty("os.name", ""), System.getProperty("user.home"));
        if (!ControlClient.socketExists(home)) {
            return new Outcome.FullWay(in);
        }
        byte[] stdin = readStdin(in);
        Path folder = cwdOf(stdin).or(c::cwd).orElse(Path.of(System.getProperty("user.dir")));
        long wait = c.event().waits() ? HookCommand.SESSION_START_WAIT.toMillis() : 0;
        Optional<Reply> reply = ControlClient.exchange(home, request(c.event(), folder, wait), Duration.ofMillis(wait).plusSeconds(5))
                .flatMap(QuickHook::reply);
        if (reply.isEmpty()) {
            return new Outcome.FullWay(new ByteArrayInputStream(stdin));
        }
        if (c.note() && reply.get().synced()) {
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
        HookEvent event = null;
        boolean note = false;
        boolean sawHook = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home") || a.equals("--cwd")) {
                if (i + 1 >= args.length) {
                    return Optional.empty();
                }
                Path value = Path.of(args[++i]);
                if (a.equals("--home")) {
                    home = Optional.of(value);
                } else {
                    cwd = Optional.of(value);
                }
            } else if (a.startsWith("--home=")) {
                home = Optional.of(Path.of(a.substring("--home=".length())));
            } else if (a.startsWith("--cwd=")) {
                cwd = Optional.of(Path.of(a.substring("--cwd=".length())));
            } else if (a.equals("--note") && sawHook) {
                note = true;
            } else if (a.equals("hook") && !sawHook) {
                sawHook = true;
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
        return sawHook && event != null ? Optional.of(new Command(home, event, note, cwd)) : Optional.empty();
    }

    /** The request line, written as ControlMessage.Request would be (a test checks both agree). */
    static String request(HookEvent event, Path cwd, long waitMs) {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("op", "hook");
            g.writeStringField("event", event.id());
            g.writeStringField("cwd", cwd.toString());
            g.writeNumberField("waitMs", waitMs);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return line.toString();
    }

    record Reply(boolean synced, String message) {}

    static Optional<Reply> reply(String line) {
        boolean synced = false;
        String message = "";
        boolean sawOk = false;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "ok" -> sawOk = value.isBoolean();
                    case "synced" -> synced = value == JsonToken.VALUE_TRUE;
                    case "message" -> message = value == JsonToken.VALUE_STRING ? p.getText() : message;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return sawOk ? Optional.of(new Reply(synced, message)) : Optional.empty();
    }

    /** The agent's folder from its hook JSON (a top-level "cwd" string), if stdin carried any. */
    static Optional<Path> cwdOf(byte[] stdin) {
        if (stdin.length == 0) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(stdin)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("cwd") && value == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                    return Optional.of(Path.of(p.getText()));
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON, or not ours: the folder decides, as on the full way
        }
        return Optional.empty();
    }

    /** Everything on stdin (1 MiB at most), waiting at most {@link HookCommand#STDIN_WAIT} for a silent pipe or a terminal. */
    static byte[] readStdin(InputStream in) {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(1 << 20);
            } catch (IOException e) {
                return new byte[0];
            }
        }, r -> Thread.ofPlatform().daemon().start(r));
        try {
            return read.get(HookCommand.STDIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return new byte[0];
        }
    }
}
