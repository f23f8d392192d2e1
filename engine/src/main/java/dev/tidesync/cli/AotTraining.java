package dev.tidesync.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The training run for the agent hook's AOT cache (JDK 25's {@code -XX:AOTCacheOutput}), run by
 * packaging/launcher/train-aot.sh in the runtime image it is for: {@code hook prompt} while an
 * engine runs (the image's own launcher, started and stopped here), the way an agent runs it on
 * every prompt. Every class the quick path loads goes into the cache, linked, and the installed
 * launcher maps it on each {@code tidesync hook} instead of loading them again. The cache holds
 * nothing else on purpose: a JVM loads every class of the cache it maps, so a cache trained on
 * more commands (status, a sync) made {@code status} and {@code --version} slower, not faster
 * (docs/benchmarks.md, "The installed command line").
 *
 * <p>Usage: {@code AotTraining LAUNCHER HOME REPOSITORY}: HOME's config watches REPOSITORY.
 */
public final class AotTraining {

    private static final int PROMPTS = 5;

    private AotTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: AotTraining LAUNCHER HOME REPOSITORY");
            System.exit(ExitCodes.USAGE);
        }
        Path launcher = Path.of(args[0]);
        String home = args[1];
        String repository = args[2];
        Process engine = new ProcessBuilder(launcher.toString(), "--home", home, "run")
                .redirectErrorStream(true).redirectOutput(Path.of(home, "training-engine.log").toFile()).start();
        try {
            awaitSocket(Path.of(home, "tidesync.sock"), engine);
            for (int round = 0; round < PROMPTS; round++) {
                run(List.of("--home", home, "hook", "prompt", "--note"), hookJson(repository));
            }
        } finally {
            engine.destroy(); // SIGTERM: the engine stops cleanly and removes its socket
            if (!engine.waitFor(30, TimeUnit.SECONDS)) {
                engine.destroyForcibly();
            }
        }
    }

    /** What Claude Code writes on a hook's stdin. */
    private static String hookJson(String repository) {
        return "{\"session_id\":\"aot-training\",\"hook_event_name\":\"UserPromptSubmit\",\"cwd\":\"" + repository.replace("\\", "\\\\")
                + "\",\"prompt\":\"train\"}";
    }
    private static void run(List<String> args, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Main.run(args.toArray(String[]::new), sink, sink, Map.copyOf(System.getenv()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Clock.systemDefaultZone());
        System.out.println("tidesync " + String.join(" ", args) + " → " + code);
        System.out.print(out.toString(StandardCharsets.UTF_8).indent(2));
    }

    private static void awaitSocket(Path socket, Process engine) throws InterruptedException {
        for (int i = 0; i < 600 && !Files.exists(socket); i++) {
            if (!engine.isAlive()) {
                throw new IllegalStateException("the engine for the training run stopped (exit " + engine.exitValue() + ")");
            }
            Thread.sleep(50);
        }
        if (!Files.exists(socket)) {
            throw new IllegalStateException("the engine for the training run did not open " + socket + " in 30 s");
        }
    }
}
