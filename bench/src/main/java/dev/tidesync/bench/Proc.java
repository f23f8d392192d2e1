package dev.tidesync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A process's CPU time and resident memory from /proc (Linux), and small process helpers. */
public final class Proc {

    private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

    private Proc() {}

    /** User + system CPU time of the process so far, in milliseconds. */
    public static double cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
    }

    /** Resident set size in MiB (VmRSS). */
    public static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** Runs a command, returns its output; empty text when it cannot run. */
    public static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Runs `sh -c script` in {@code dir} and fails on a non-zero exit. */
    public static void sh(Path dir, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(script + " failed in " + dir + ": " + out);
        }
    }

    /** Starts a long-running helper whose output goes to {@code log}. */
    public static Process start(Path dir, Path log, List<String> command) throws IOException {
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Ends a helper and everything it started. */
    public static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @FunctionalInterface
    public interface Check {
        boolean ok() throws Exception;
    }

    /** Polls every {@code stepMs} until the check holds; returns System.nanoTime() at that moment. */
    public static long until(String what, long limitMs, long stepMs, Check check) throws Exception {
        long end = System.nanoTime() + limitMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (check.ok()) {
                return System.nanoTime();
            }
            Thread.sleep(stepMs);
        }
        throw new IllegalStateException("gave up after " + limitMs + " ms waiting until " + what);
    }
}
