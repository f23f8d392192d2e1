package dev.tidesync.autostart;

import java.nio.file.Path;
import java.util.List;

/**
 * macOS: a per-user LaunchAgent, {@code ~/Library/LaunchAgents/dev.tidesync.Tidesync.plist},
 * which launchd runs at login (RunAtLoad) in the user's graphical session only (Aqua).
 */
public final class LaunchAgent extends FileAutoStart {

    static final String LABEL = "dev.tidesync.Tidesync";

    public LaunchAgent(Path file, List<String> command) {
        super(file, command);
    }

    public static LaunchAgent forUser(String userHome, List<String> command) {
        return new LaunchAgent(Path.of(userHome, "Library", "LaunchAgents", LABEL + ".plist"), command);
    }

    @Override
    String content(List<String> command) {
        return plist(command);
    }

    /** The property list; launchd starts ProgramArguments as is, no shell, so nothing needs quoting but XML. */
    static String plist(List<String> command) {
        return plist(LABEL, command, """
                  <key>RunAtLoad</key>
                  <true/>
                  <key>LimitLoadToSessionType</key>
                  <string>Aqua</string>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                """);
    }

    /** A launchd property list for {@code label} running {@code command}, with {@code keys} (indented XML) after it. */
    public static String plist(String label, List<String> command, String keys) {
        StringBuilder arguments = new StringBuilder();
        for (String arg : command) {
            arguments.append("    <string>").append(xml(arg)).append("</string>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>%s</string>
                  <key>ProgramArguments</key>
                  <array>
                %s  </array>
                %s</dict>
                </plist>
                """.formatted(label, arguments, keys);
    }

    /** Text for a plist string element. */
    public static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
