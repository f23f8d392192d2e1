package dev.tidesync.app.os;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes());
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
