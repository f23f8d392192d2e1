package dev.tidesync.autostart;

import java.nio.file.Path;
import java.util.List;
import dev.tidesync.io.OperatingSystem;
import java.util.Map;

/** The start-at-login mechanism of the operating system this runs on. */
public final class AutoStarts {

    private AutoStarts() {}

    public static AutoStart forSystem(OperatingSystem os, Map<String, String> env, String userHome, List<String> command) {
        return switch (os) {
            case MAC -> LaunchAgent.forUser(userHome, command);
            case WINDOWS -> WindowsRunKey.forUser(Path.of(env.getOrDefault("TEMP", Path.of(userHome, "AppData", "Local", "Temp").toString())),
                    command);
            case LINUX, BSD -> XdgAutoStart.forUser(env, userHome, command);
            case OTHER -> AutoStart.UNAVAILABLE;
        };
    }

    static List<String> checked(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a start-at-login command needs a program");
        }
        return List.copyOf(command);
    }

    /**
     * The installed tray app's launcher, found beside whichever launcher of the same install is
     * running ({@code jpackage.app-path}): {@code Tidesync} next to {@code tidesync} on Linux and
     * next to {@code tidesync-cli} on macOS and Windows, whose file systems ignore case.
     */
    public static Path appLauncherBeside(Path runningLauncher, OperatingSystem os) {
        return runningLauncher.resolveSibling(os == OperatingSystem.WINDOWS ? "Tidesync.exe" : "Tidesync");
    }
}
