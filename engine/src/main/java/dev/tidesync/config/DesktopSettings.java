package dev.tidesync.config;

import java.util.List;

/**
 * What the tray app shows and how it looks; the engine itself ignores these.
 *
 * @param notifications {@code problems} (conflicts, held-back files, repeated failures: the default),
 *                      {@code all} (every sync that brought changes in, too) or {@code off}
 * @param theme         {@code system} (follow the desktop's light/dark setting), {@code light} or {@code dark}
 */
public record DesktopSettings(String notifications, String theme) {

    public static final List<String> NOTIFICATIONS = List.of("problems", "all", "off");
    public static final List<String> THEMES = List.of("system", "light", "dark");

    public DesktopSettings {
        notifications = notifications == null ? "problems" : notifications;
        theme = theme == null ? "system" : theme;
        if (!NOTIFICATIONS.contains(notifications)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", NOTIFICATIONS) + ", not \"" + notifications + "\"");
        }
        if (!THEMES.contains(theme)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", THEMES) + ", not \"" + theme + "\"");
        }
    }

    public static DesktopSettings defaults() {
        return new DesktopSettings("problems", "system");
    }
}
