package dev.tidesync.config;

import java.util.List;

/**
 * What the tray app shows and how it looks; the engine itself ignores these.
 *
 * @param notifications {@code problems} (conflicts, held-back files, repeated failures: the default),
 *                      {@code all} (every sync that brought changes in, too) or {@code off}
 * @param theme         {@code system} (follow the desktop's light/dark setting), {@code light} or {@code dark}
 * @param pauseWhen     when automatic syncing waits because syncing costs: {@code never} (the default), {@code battery}
 *                      (on battery power), {@code metered} (on a metered network) or {@code battery-or-metered}
 */
public record DesktopSettings(String notifications, String theme, String pauseWhen) {

    public static final List<String> NOTIFICATIONS = List.of("problems", "all", "off");
    public static final List<String> THEMES = List.of("system", "light", "dark");
    public static final List<String> PAUSE_WHEN = List.of("never", "battery", "metered", "battery-or-metered");

    public DesktopSettings {
        notifications = notifications == null ? "problems" : notifications;
        theme = theme == null ? "system" : theme;
        pauseWhen = pauseWhen == null ? "never" : pauseWhen;
        if (!NOTIFICATIONS.contains(notifications)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", NOTIFICATIONS) + ", not \"" + notifications + "\"");
        }
        if (!THEMES.contains(theme)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", THEMES) + ", not \"" + theme + "\"");
        }
        if (!PAUSE_WHEN.contains(pauseWhen)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", PAUSE_WHEN) + ", not \"" + pauseWhen + "\"");
        }
    }

    /** Whether syncing waits now, given the power source and the network. */
    public boolean pausesWhen(boolean onBattery, boolean metered) {
        return switch (pauseWhen) {
            case "battery" -> onBattery;
            case "metered" -> metered;
            case "battery-or-metered" -> onBattery || metered;
            default -> false;
        };
    }

    public static DesktopSettings defaults() {
        return new DesktopSettings("problems", "system", "never");
    }
}
