package dev.tidesync.service;

import dev.tidesync.io.AtomicFile;
import dev.tidesync.io.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux: {@code ~/.config/systemd/user/tidesync.service} (XDG_CONFIG_HOME honoured), enabled and
 * started with {@code systemctl --user}. Without a reachable user manager (a container, a
 * session without systemd) the unit is still written and the commands to run are given.
 */
public final class SystemdUserService implements EngineService {

    static final String UNIT = "tidesync.service";

    private final Path file;
    private final ServiceManager systemctl;

    public SystemdUserService(Path file, ServiceManager systemctl) {
        this.file = file;
        this.systemctl = systemctl;
    }

    public static SystemdUserService forUser(Map<String, String> env, String userHome, ServiceManager systemctl) {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank() ? Path.of(config) : Path.of(userHome, ".config");
        return new SystemdUserService(base.resolve("systemd/user").resolve(UNIT), systemctl);
    }

    @Override
    public Outcome install(List<String> command) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, unit(command).getBytes(StandardCharsets.UTF_8));
        Optional<String> failed = firstFailure(List.of(List.of("systemctl", "--user", "daemon-reload"),
                List.of("systemctl", "--user", "enable", "--now", UNIT)));
        return failed.isEmpty()
                ? new Outcome("Installed and started " + file + " (systemctl --user status tidesync)", Optional.empty())
                : new Outcome("Wrote " + file + ", but " + failed.get(),
                        Optional.of("systemctl --user daemon-reload && systemctl --user enable --now tidesync"));
    }

    @Override
    public Outcome remove() throws IOException {
        if (!Files.exists(file)) {
            return new Outcome("No Tidesync service is installed (" + file + ")", Optional.empty());
        }
        Optional<String> stopFailed = firstFailure(List.of(List.of("systemctl", "--user", "disable", "--now", UNIT)));
        Files.delete(file);
        firstFailure(List.of(List.of("systemctl", "--user", "daemon-reload")));
        return stopFailed.isEmpty() ? new Outcome("Stopped and removed " + file, Optional.empty())
                : new Outcome("Removed " + file + ", but " + stopFailed.get(), Optional.of("systemctl --user daemon-reload"
                        + " && systemctl --user stop tidesync"));
    }

    @Override
    public Status status() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Status(false, Optional.empty(), Optional.empty(), file);
        }
        Optional<String> command = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("ExecStart=")).findFirst().map(l -> l.substring("ExecStart=".length()));
        Optional<Boolean> running = systemctl.run(List.of("systemctl", "--user", "is-active", UNIT))
                .filter(r -> !r.timedOut())
                .flatMap(r -> r.output().strip().equals("active") ? Optional.of(true)
                        : r.output().strip().matches("inactive|failed|activating|deactivating") ? Optional.of(false) : Optional.empty());
        return new Status(true, command, running, file);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The unit: the launcher by its full path (quoted for systemd), restarted on failure, never prompting for a password. */
    static String unit(List<String> command) {
        StringBuilder exec = new StringBuilder();
        for (String word : command) {
            exec.append(exec.isEmpty() ? "" : " ").append(quoted(word));
        }
        return """
                # Written by `tidesync service install`; `tidesync service remove` takes it out.
                [Unit]
                Description=Tidesync: keeps git repositories in sync with their remotes
                After=network-online.target
                Wants=network-online.target

                [Service]
                Type=simple
                ExecStart=%s
                # SIGTERM lets running syncs finish; the engine exits 0 within 10 s.
                KillSignal=SIGTERM
                TimeoutStopSec=15
                Restart=on-failure
                RestartSec=10
                # A background sync must never wait for a password prompt.
                Environment=GIT_TERMINAL_PROMPT=0

                [Install]
                WantedBy=default.target
                """.formatted(exec);
    }

    /** systemd's quoting: double quotes, with backslash, quote and the specifier sign escaped. */
    static String quoted(String word) {
        String escaped = word.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%").replace("$", "$$");
        return escaped.matches("[A-Za-z0-9_./:=+-]+") ? escaped : "\"" + escaped + "\"";
    }

    private Optional<String> firstFailure(List<List<String>> commands) throws IOException {
        for (List<String> command : commands) {
            Optional<Processes.Result> r = systemctl.run(command);
            if (r.isEmpty()) {
                return Optional.of("systemctl is not installed here, so it was not started");
            }
            if (!r.get().succeeded()) {
                return Optional.of("`" + String.join(" ", command) + "` said: " + r.get().lastLine().orElse("exit " + r.get().exitCode()));
            }
        }
        return Optional.empty();
    }
}
