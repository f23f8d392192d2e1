package dev.tidesync.autostart;

import dev.tidesync.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * macOS: a per-user LaunchAgent, {@code ~/Library/LaunchAgents/dev.tidesync.Tidesync.plist},
 * which launchd runs at login (RunAtLoad) in the user's graphical session only (Aqua).
 */
public final class LaunchAgent implements AutoStart {

    static final String LABEL = "dev.tidesync.Tidesync";

    private final Path file;
    private final List<String> command;

    public LaunchAgent(Path file, List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a start-at-login command needs a program");
        }
        this.file = file;
        this.command = List.copyOf(command);
    }

    public static LaunchAgent forUser(String userHome, List<String> command) {
        return new LaunchAgent(Path.of(userHome, "Library", "LaunchAgents", LABEL + ".plist"), command);
    }

    @Override
    public boolean enabled() {
        return Files.isRegularFile(file);
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, plist(command).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The property list; launchd starts ProgramArguments as is, no shell, so nothing needs quoting but XML. */
    static String plist(List<String> command) {
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
                  <key>RunAtLoad</key>
                  <true/>
                  <key>LimitLoadToSessionType</key>
                  <string>Aqua</string>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                </dict>
                </plist>
                """.formatted(LABEL, arguments);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
