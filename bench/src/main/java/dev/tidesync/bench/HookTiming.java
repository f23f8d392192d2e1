package dev.tidesync.bench;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `tidesync hook prompt` as an agent runs it on every prompt: a fresh process that hands the
 * prompt to the running engine. Timed whole (fork to exit) next to a JVM that does nothing,
 * with the installed launcher's JVM options, then with a JDK AOT cache (JEP 483/514) trained on
 * the hook, and, for context, the full way (no engine running: the hook decides itself).
 * Usage: HookTiming [RUNS]
 */
public final class HookTiming {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path root = Files.createTempDirectory("tidesync-hook-bench");
        GitFixture fx = new GitFixture(root);
        Path notes = Setup.seededClone(fx, "notes", 20);
        Path home = Setup.home(root.resolve("home"), List.of(notes), "\"triggers\": {\"userPrompt\": {\"probability\": 1000000}}");
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = Path.of("engine/target/tidesync.jar").toAbsolutePath().toString();
        String classes = Path.of("bench/target/classes").toAbsolutePath().toString();
        List<String> hook = List.of("dev.tidesync.cli.Main", "--home", home.toString(), "hook", "prompt", "--cwd", notes.toString());
        Path aot = root.resolve("hook.aot");

        Samples bare = time(runs, command(java, List.of(), classes, List.of("dev.tidesync.bench.Nothing")));
        Samples quick;
        Samples cached = null;
        try (Daemon daemon = Daemon.start(home, root.resolve("run.log"), Map.of(), Daemon.LAUNCHER_OPTIONS)) {
            Proc.until("the engine is up", 60_000, 20, () -> daemon.output().contains("Up to date"));
            quick = time(runs, command(java, List.of(), jar, hook));
            Process train = new ProcessBuilder(command(java, List.of("-XX:AOTCacheOutput=" + aot), jar, hook))
                    .redirectErrorStream(true).redirectOutput(root.resolve("aot.log").toFile()).start();
            train.waitFor();
            if (Files.exists(aot)) {
                cached = time(runs, command(java, List.of("-XX:AOTCache=" + aot), jar, hook));
            }
        }
        Samples full = time(Math.min(runs, 10), command(java, List.of(), jar, hook));
        Report report = new Report("`tidesync hook prompt`, whole process (" + runs + " runs, JVM options of the installed launcher)",
                "what", "median", "p95", "ratio to a bare JVM")
                .row("bare JVM start (a main that does nothing)", Report.ms(bare.median()), Report.ms(bare.p95()), "1.00")
                .row("hook, engine running (quick path: the control socket, no picocli)", Report.ms(quick.median()), Report.ms(quick.p95()),
                        Report.ratio(quick.median(), bare.median()));
        if (cached != null) {
            report.row("hook, engine running, with a JDK AOT cache trained on the hook", Report.ms(cached.median()),
                    Report.ms(cached.p95()), Report.ratio(cached.median(), bare.median()));
        }
        report.row("hook, no engine running (the hook reads config and state and decides itself)", Report.ms(full.median()),
                Report.ms(full.p95()), Report.ratio(full.median(), bare.median())).print();
    }

    private static List<String> command(String java, List<String> extra, String classPath, List<String> main) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(Daemon.LAUNCHER_OPTIONS);
        c.addAll(extra);
        c.add("-cp");
        c.add(classPath);
        c.addAll(main);
        return c;
    }

    private static Samples time(int runs, List<String> command) throws Exception {
        Samples s = new Samples(String.join(" ", command));
        for (int i = 0; i < runs + 3; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            if (i >= 3) {
                s.addNanos(System.nanoTime() - t0);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " exited " + p.exitValue());
            }
        }
        return s;
    }
}
