package dev.tidesync.bench;

import dev.tidesync.fixture.Daemon;
import dev.tidesync.fixture.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Save → remote latency: a file is written, and the clock stops when the bare remote's branch
 * holds it. Tidesync (`tidesync run`) and the git-CLI script (bench/scripts/git-autosync.sh:
 * inotifywait + add/commit/pull --rebase/push) watch their own clone of their own remote, with
 * the same one-second inactivity delay, and take turns, edit by edit, in the same run.
 * Reported: the time beyond the delay. Usage: SaveToRemote [EDITS]
 */
public final class SaveToRemote {

    private static final long DELAY_MS = 1000;
    private static final int WARM_UP = 3;

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path root = Files.createTempDirectory("tidesync-save-bench");
        Setup.Pair pair = Setup.pair(root);
        GitFixture tideFx = pair.tideFx();
        GitFixture gitFx = pair.gitFx();
        Path tide = pair.tide();
        Path plain = pair.plain();
        Path home = Setup.home(root.resolve("home"), List.of(tide), """
                "throttle": {"minIntervalSeconds": 0},
                "triggers": {"fileChange": {"inactivityMs": %d}, "poll": {"intervalSeconds": 3600}}""".formatted(DELAY_MS));
        Path script = Path.of("bench/scripts/git-autosync.sh").toAbsolutePath();
        Samples tideSamples = new Samples("tidesync");
        Samples gitSamples = new Samples("git script");
        String log;
        try (Daemon daemon = Daemon.start(home, root.resolve("run.log"), java.util.Map.of(), Daemon.LAUNCHER_OPTIONS, "--verbose")) {
            Process watcher = Proc.start(plain, root.resolve("script.log"), List.of("sh", script.toString(), String.valueOf(DELAY_MS / 1000)));
            try {
                Proc.until("the engine is up", 60_000, 20, () -> daemon.output().contains("[laptop] Up to date"));
                Thread.sleep(1000); // the script's inotifywait has set its watches
                for (int i = 0; i < edits + WARM_UP; i++) {
                    double t = saveAndWait(tide, tideFx.remote(), i);
                    double g = saveAndWait(plain, gitFx.remote(), i);
                    if (i >= WARM_UP) {
                        tideSamples.add(t - DELAY_MS);
                        gitSamples.add(g - DELAY_MS);
                    }
                }
            } finally {
                Proc.stop(watcher);
            }
            log = daemon.output();
        }
        for (int i = 0; i < edits + WARM_UP; i += edits + WARM_UP - 1) { // the first and the last edit really arrived
            check(tideFx, i);
            check(gitFx, i);
        }
        new Report("Save → remote, beyond a " + DELAY_MS + " ms inactivity delay (" + edits + " edits each, taking turns)",
                "watcher", "median beyond the delay", "p95", "ratio to the git script (median)")
                .row("Tidesync `run` (JGit, file:// remote)", Report.ms(tideSamples.median()), Report.ms(tideSamples.p95()),
                        Report.ratio(tideSamples.median(), gitSamples.median()))
                .row("git CLI script (inotifywait + add/commit/pull --rebase/push)", Report.ms(gitSamples.median()),
                        Report.ms(gitSamples.p95()), "1.00")
                .print();
        Report steps = new Report("Where Tidesync's time goes: each step of the " + edits + " measured cycles (`run --verbose`)",
                "step", "median", "p95");
        stepTimes(log, WARM_UP).forEach((step, samples) -> steps.row(step, Report.ms(samples.median()), Report.ms(samples.p95())));
        steps.print();
    }

    /** The step times of each committing cycle in the engine's verbose log, after the first {@code skip}. */
    static java.util.Map<String, Samples> stepTimes(String log, int skip) {
        java.util.Map<String, Samples> steps = new java.util.LinkedHashMap<>();
        java.util.regex.Pattern step = java.util.regex.Pattern.compile("(\\w+) (\\d+) ms");
        List<String> cycles = log.lines().filter(l -> l.contains("Committed") && l.contains("[steps: ")).toList();
        for (String line : cycles.subList(Math.min(skip, cycles.size()), cycles.size())) {
            java.util.regex.Matcher m = step.matcher(line.substring(line.indexOf("[steps: ")));
            while (m.find()) {
                steps.computeIfAbsent(m.group(1), Samples::new).add(Double.parseDouble(m.group(2)));
            }
        }
        return steps;
    }

    /** Writes the round's edit and returns the milliseconds until the remote's branch moved. */
    private static double saveAndWait(Path clone, Path remote, int round) throws Exception {
        String before = Setup.ref(remote, "refs/heads/main");
        long t0 = System.nanoTime();
        GitFixture.write(clone, "latency.md", "round " + round + "\n");
        long t1 = Proc.until("the remote moves", 60_000, 2, () -> !Setup.ref(remote, "refs/heads/main").equals(before));
        Thread.sleep(200); // both sides settle before the next edit
        return (t1 - t0) / 1e6;
    }

    private static void check(GitFixture fx, int round) throws Exception {
        // the last edit is what the remote must hold; the first is in its history
        String now = fx.remoteFile("latency.md");
        if (now == null || !now.startsWith("round ")) {
            throw new IllegalStateException("the remote " + fx.remote() + " does not hold the edits: " + now);
        }
    }
}
