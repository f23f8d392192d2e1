package dev.tidesync.io;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one way Tidesync runs a short helper program (a push gate, `reg`, `gsettings`, a
 * notifier): no input, output captured (stdout and stderr together, the last 64 KiB), and a
 * limit after which the program and everything it started are ended. The git runner adds a
 * stall watchdog on top (`git.GitCli`); both end process trees here.
 */
public final class Processes {

    /** How much of a program's output is kept: enough for its last lines. */
    static final int KEEP_BYTES = 64 * 1024;

    /** @param exitCode -1 when it ran past its limit and was ended */
    public record Result(int exitCode, String output, boolean timedOut) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        /** The last non-blank line of output, for one-sentence reports. */
        public Optional<String> lastLine() {
            return output.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
        }
    }

    private Processes() {}

    /** Runs {@code command} in {@code directory} (empty: here) with {@code extraEnv} added, for at most {@code limit}. */
    public static Result run(List<String> command, Optional<Path> directory, Map<String, String> extraEnv, Duration limit)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        directory.ifPresent(d -> builder.directory(d.toFile()));
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), out));
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                endTree(process);
                reader.join(Duration.ofSeconds(2));
                return new Result(-1, text(out), true);
            }
            reader.join(Duration.ofSeconds(5));
            return new Result(process.exitValue(), text(out), false);
        } catch (InterruptedException e) {
            endTree(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.getFirst() + " ran", e);
        }
    }

    public static Result run(List<String> command, Duration limit) throws IOException {
        return run(command, Optional.empty(), Map.of(), limit);
    }

    /** Ends a program and every program it started (an ssh, a credential helper, a test runner). */
    public static void endTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** /dev/null, or NUL on Windows: the input of a program that must never wait for any. */
    public static File nullDevice() {
        return new File(OperatingSystem.current() == OperatingSystem.WINDOWS ? "NUL" : "/dev/null");
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (sink) {
                    if (sink.size() + n > KEEP_BYTES) {
                        byte[] all = sink.toByteArray();
                        sink.reset();
                        sink.write(all, all.length - KEEP_BYTES / 2, KEEP_BYTES / 2);
                    }
                    sink.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the program went away; what it printed so far is kept
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
