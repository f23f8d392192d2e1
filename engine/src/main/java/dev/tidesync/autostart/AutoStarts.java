package dev.tidesync.autostart;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The start-at-login mechanism of the operating system this runs on. */
public final class AutoStarts {

    private AutoStarts() {}

    public static AutoStart forSystem(String osName, Map<String, String> env, String userHome, List<String> command) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return LaunchAgent.forUser(userHome, command);
        }
        if (os.startsWith("windows")) {
            String temp = env.getOrDefault("TEMP", Path.of(userHome, "AppData", "Local", "Temp").toString());
            return WindowsRunKey.forUser(Path.of(temp), command);
        }
        if (os.contains("linux") || os.contains("bsd")) {
            return XdgAutoStart.forUser(env, userHome, command);
        }
        return AutoStart.UNAVAILABLE;
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
    public static Path appLauncherBeside(Path runningLauncher, String osName) {
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        return runningLauncher.resolveSibling(windows ? "Tidesync.exe" : "Tidesync");
    }
}
