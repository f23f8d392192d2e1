package dev.tidesync.git;

import dev.tidesync.io.Processes;

import dev.tidesync.io.Executables;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's installed git, run the way a background service must run it: no terminal, no
 * prompt of any kind, and ended when it stops making progress rather than after a fixed time.
 */
public final class GitCli {

    /** Oldest git whose behaviour Tidesync relies on (push --porcelain, ls-remote, config -z, accept-new in OpenSSH). */
    static final int MIN_MAJOR = 2;
    static final int MIN_MINOR = 20;
    /** Output kept per stream; progress can be long, the lines that matter are at the end. */
    private static final int KEEP_BYTES = 256 * 1024;
    private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)(\\S*)");

    /** What one git process printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr, boolean stalled) {
        public boolean ok() {
            return exitCode == 0 && !stalled;
        }
    }

    private final Path executable;
    private final String version;
    private final Map<String, String> environment;
    private final Optional<Path> setsid;

    private GitCli(Path executable, String version, Map<String, String> environment, Optional<Path> setsid) {
        this.executable = executable;
        this.version = version;
        this.environment = Map.copyOf(environment);
        this.setsid = setsid;
    }

    /**
     * Finds git on {@code environment}'s PATH (else this process's) and checks its version.
     *
     * @param environment laid over this process's environment for every git run (a test's HOME)
     */
    public static Optional<GitCli> find(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", System.getenv("PATH"));
        boolean windows = File.separatorChar == '\\';
        Optional<Path> git = Executables.onPath(path, windows ? "git.exe" : "git");
        if (git.isEmpty()) {
            return Optional.empty();
        }
        GitCli probe = new GitCli(git.get(), "", environment, windows ? Optional.empty() : Executables.onPath(path, "setsid"));
        try {
            Result result = probe.run(Path.of(System.getProperty("java.io.tmpdir")), Duration.ofSeconds(10), Map.of(), "--version");
            Matcher m = VERSION.matcher(result.stdout());
            if (!result.ok() || !m.find()) {
                return Optional.empty();
            }
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            if (major < MIN_MAJOR || (major == MIN_MAJOR && minor < MIN_MINOR)) {
                return Optional.empty();
            }
            return Optional.of(new GitCli(probe.executable, m.group(1) + "." + m.group(2) + m.group(3), environment, probe.setsid));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path executable() {
        return executable;
    }

    public String version() {
        return version;
    }

    /** The environment variable as git will see it. */
    public Optional<String> env(String name) {
        String v = environment.containsKey(name) ? environment.get(name) : System.getenv(name);
        return Optional.ofNullable(v).filter(s -> !s.isEmpty());
    }

    /**
     * Runs git in {@code directory}; a run that prints nothing for {@code stallAfter} is ended
     * with its whole process tree (ssh, credential helpers) and reported as stalled.
     */
    public Result run(Path directory, Duration stallAfter, Map<String, String> extraEnv, String... args) throws IOException {
        return exec(directory, stallAfter, extraEnv, gitCommand(args), null, KEEP_BYTES);
    }

    /**
     * Runs git with {@code input} on its stdin (a NUL-separated path list) and keeps all of its
     * stdout, for the plumbing whose output is data, not a message; otherwise as {@link #run}.
     */
    public Result feed(Path directory, Duration stallAfter, Map<String, String> extraEnv, byte[] input, String... args) throws IOException {
        return exec(directory, stallAfter, extraEnv, gitCommand(args), input, Integer.MAX_VALUE);
    }

    private List<String> gitCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a shell command line (as git runs GIT_SSH_COMMAND) in git's environment, the same way as {@link #run}. */
    public Result shell(Path directory, Duration stallAfter, String commandLine) throws IOException {
        return exec(directory, stallAfter, Map.of(), List.of("/bin/sh", "-c", commandLine), null, KEEP_BYTES);
    }

    /** @param input written to stdin and closed (null: stdin is the null device); @param keep how much of stdout to keep (its end) */
    private Result exec(Path directory, Duration stallAfter, Map<String, String> extraEnv, List<String> program, byte[] input, int keep)
            throws IOException {
        List<String> command = new ArrayList<>();
        // A new session has no controlling terminal, so nothing git starts (ssh, a helper, gpg)
        // can open /dev/tty to ask for a passphrase: it fails instead of waiting for ever.
        setsid.ifPresent(s -> command.add(s.toString()));
        command.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(Processes.nullDevice()));
        }
        Map<String, String> env = builder.environment();
        env.putAll(environment);
        env.putAll(NoPrompts.ENVIRONMENT);
        env.remove("SSH_ASKPASS");
        env.remove("GIT_DIR");
        env.remove("GIT_WORK_TREE");
        env.remove("GIT_INDEX_FILE");
        env.putAll(extraEnv);
        Process process = builder.start();
        AtomicLong lastOutput = new AtomicLong(System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), out, lastOutput, keep));
        Thread errReader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), err, lastOutput, KEEP_BYTES));
        if (input != null) {
            Thread.ofVirtual().start(() -> {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException e) {
                    // git stopped reading (it failed): its exit code and stderr say why
                }
            });
        }
        boolean stalled = false;
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - lastOutput.get() > stallAfter.toNanos()) {
                    stalled = true;
                    Processes.endTree(process);
                    break;
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
            outReader.join(Duration.ofSeconds(5));
            errReader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Processes.endTree(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git ran", e);
        }
        int code = process.isAlive() ? -1 : process.exitValue();
        return new Result(code, text(out), text(err), stalled);
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink, AtomicLong lastOutput, int keepBytes) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                lastOutput.set(System.nanoTime());
                synchronized (sink) {
                    if (sink.size() + n > keepBytes) {
                        byte[] tail = sink.toByteArray();
                        int keep = keepBytes / 2;
                        sink.reset();
                        sink.write(tail, tail.length - Math.min(keep, tail.length), Math.min(keep, tail.length));
                    }
                    sink.write(buffer, 0, n);
                }
            }
        } catch (IOException ignored) {
            // The process was killed: what was read so far is all there is.
        }
    }

    private static String text(ByteArrayOutputStream sink) {
        synchronized (sink) {
            return sink.toString(StandardCharsets.UTF_8);
        }
    }

    /** Environment that turns every interactive path in git and its helpers into a failure. */
    static final class NoPrompts {
        static final Map<String, String> ENVIRONMENT = build();

        private NoPrompts() {}

        private static Map<String, String> build() {
            Map<String, String> env = new HashMap<>();
            env.put("GIT_TERMINAL_PROMPT", "0");
            // An askpass program that does not exist: git's prompt fails, and with terminal
            // prompts off it stops with "could not read Username" instead of asking a GUI.
            env.put("GIT_ASKPASS", "tidesync-no-prompt");
            env.put("SSH_ASKPASS_REQUIRE", "never");
            env.put("GCM_INTERACTIVE", "never");
            env.put("GIT_PAGER", "cat");
            env.put("LC_ALL", "C");
            env.put("LANGUAGE", "C");
            return Map.copyOf(env);
        }
    }
}
