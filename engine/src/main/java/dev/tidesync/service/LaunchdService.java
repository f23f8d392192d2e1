package dev.tidesync.service;

import dev.tidesync.autostart.LaunchAgent;
import dev.tidesync.io.AtomicFile;
import dev.tidesync.io.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * macOS: {@code ~/Library/LaunchAgents/dev.tidesync.engine.plist}, loaded into the user's
 * session with {@code launchctl bootstrap gui/UID}; launchd starts it at login and again if it
 * exits with a failure.
 */
public final class LaunchdService implements EngineService {

    static final String LABEL = "dev.tidesync.engine";
    private static final Pattern PROGRAM = Pattern.compile("<key>ProgramArguments</key>\\s*<array>\\s*<string>([^<]*)</string>");

    private final Path file;
    private final Path logFile;
    private final ServiceManager launchctl;

    public LaunchdService(Path file, Path logFile, ServiceManager launchctl) {
        this.file = file;
        this.logFile = logFile;
        this.launchctl = launchctl;
    }

    public static LaunchdService forUser(String userHome, ServiceManager launchctl) {
        return new LaunchdService(Path.of(userHome, "Library", "LaunchAgents", LABEL + ".plist"),
                Path.of(userHome, "Library", "Logs", "Tidesync", "engine.log"), launchctl);
    }

    @Override
    public Outcome install(List<String> command) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createDirectories(logFile.getParent());
        Optional<String> domain = domain();
        if (domain.isPresent() && Files.exists(file)) {
            launchctl.run(List.of("launchctl", "bootout", domain.get() + "/" + LABEL)); // a reinstall replaces the loaded one
        }
        AtomicFile.write(file, plist(command, logFile).getBytes(StandardCharsets.UTF_8));
        if (domain.isEmpty()) {
            return new Outcome("Wrote " + file + ", but launchctl is not reachable here", Optional.of("launchctl bootstrap gui/$(id -u) " + file));
        }
        Optional<Processes.Result> r = launchctl.run(List.of("launchctl", "bootstrap", domain.get(), file.toString()));
        return r.isPresent() && r.get().succeeded() ? new Outcome("Installed and started " + file, Optional.empty())
                : new Outcome("Wrote " + file + ", but launchctl bootstrap said: " + r.flatMap(Processes.Result::lastLine).orElse("nothing"),
                        Optional.of("launchctl bootstrap " + domain.get() + " " + file));
    }

    @Override
    public Outcome remove() throws IOException {
        if (!Files.exists(file)) {
            return new Outcome("No Tidesync service is installed (" + file + ")", Optional.empty());
        }
        Optional<String> domain = domain();
        if (domain.isPresent()) {
            launchctl.run(List.of("launchctl", "bootout", domain.get() + "/" + LABEL));
        }
        Files.delete(file);
        return new Outcome("Stopped and removed " + file, Optional.empty());
    }

    @Override
    public Status status() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Status(false, Optional.empty(), Optional.empty(), file);
        }
        Matcher m = PROGRAM.matcher(Files.readString(file, StandardCharsets.UTF_8));
        Optional<String> command = m.find() ? Optional.of(m.group(1)) : Optional.empty();
        Optional<Boolean> running = Optional.empty();
        Optional<String> domain = domain();
        if (domain.isPresent()) {
            Optional<Processes.Result> r = launchctl.run(List.of("launchctl", "print", domain.get() + "/" + LABEL));
            running = r.map(x -> x.succeeded() && x.output().contains("state = running"));
        }
        return new Status(true, command, running, file);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The user's GUI domain, gui/UID; empty when launchctl (or id) is not here. */
    private Optional<String> domain() throws IOException {
        if (launchctl.run(List.of("launchctl", "version")).isEmpty()) {
            return Optional.empty();
        }
        return launchctl.run(List.of("id", "-u")).filter(Processes.Result::succeeded)
                .map(r -> r.output().strip()).filter(uid -> uid.matches("\\d+")).map(uid -> "gui/" + uid);
    }

    static String plist(List<String> command, Path logFile) {
        return LaunchAgent.plist(LABEL, command, """
                  <key>RunAtLoad</key>
                  <true/>
                  <key>KeepAlive</key>
                  <dict>
                    <key>SuccessfulExit</key>
                    <false/>
                  </dict>
                  <key>EnvironmentVariables</key>
                  <dict>
                    <key>GIT_TERMINAL_PROMPT</key>
                    <string>0</string>
                  </dict>
                  <key>StandardErrorPath</key>
                  <string>%s</string>
                """.formatted(LaunchAgent.xml(logFile.toString())));
    }
}
