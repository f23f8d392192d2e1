package dev.tidesync.app.os;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import dev.tidesync.io.Processes;
import java.time.Duration;

/**
 * Whether the desktop prefers dark windows. JavaFX 21 cannot tell, so ask the desktop's own
 * setting: GNOME's color-scheme (also read by many others), macOS's AppleInterfaceStyle,
 * Windows' AppsUseLightTheme. Anything unreadable means light.
 */
public final class DarkMode {

    private DarkMode() {}

    public static boolean preferred(dev.tidesync.io.OperatingSystem os) {
        if (os == dev.tidesync.io.OperatingSystem.MAC) {
            return output(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("Dark");
        }
        if (os == dev.tidesync.io.OperatingSystem.WINDOWS) {
            return output(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*");
        }
        String scheme = output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        return scheme.contains("dark") || output(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .toLowerCase(Locale.ROOT).contains("dark");
    }

    private static String output(List<String> command) {
        try {
            Processes.Result r = Processes.run(command, Duration.ofSeconds(2));
            return r.timedOut() ? "" : r.output();
        } catch (IOException e) {
            return ""; // no such program here: the desktop does not say, so light
        }
    }
}
