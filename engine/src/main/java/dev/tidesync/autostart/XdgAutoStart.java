package dev.tidesync.autostart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Linux and BSD desktops: a {@code .desktop} entry in {@code $XDG_CONFIG_HOME/autostart}, which
 * GNOME, KDE, Xfce, Cinnamon and others read at login (freedesktop Desktop Application Autostart).
 */
public final class XdgAutoStart extends FileAutoStart {

    public XdgAutoStart(Path file, List<String> command) {
        super(file, command);
    }

    public static XdgAutoStart forUser(Map<String, String> env, String userHome, List<String> command) {
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base = config.isBlank() ? Path.of(userHome, ".config") : Path.of(config);
        return new XdgAutoStart(base.resolve("autostart").resolve("tidesync.desktop"), command);
    }

    /** An entry the user hid through the desktop's own settings counts as off. */
    @Override
    public boolean enabled() {
        try {
            return super.enabled() && !Files.readString(file(), StandardCharsets.UTF_8).contains("\nHidden=true");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    String content(List<String> command) {
        return entry(command);
    }

    /** The desktop entry; Exec quotes every argument as the specification asks. */
    static String entry(List<String> command) {
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=Tidesync\n"
                + "Comment=Keeps your git repositories in sync\n"
                + "Exec=" + String.join(" ", command.stream().map(XdgAutoStart::quote).toList()) + "\n"
                // An installed launcher: once it is uninstalled, desktops skip the entry instead of failing.
                + (command.get(0).startsWith("/") ? "TryExec=" + command.get(0) + "\n" : "")
                + "Icon=tidesync\n"
                + "Terminal=false\n"
                + "Categories=Utility;\n"
                + "X-GNOME-Autostart-enabled=true\n"
                + "X-GNOME-Autostart-Delay=5\n";
    }

    static String quote(String arg) {
        if (arg.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return arg;
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                s.append('\\');
            }
            s.append(c);
        }
        // A literal % must be doubled in Exec (field codes).
        return s.append('"').toString().replace("%", "%%");
    }
}
