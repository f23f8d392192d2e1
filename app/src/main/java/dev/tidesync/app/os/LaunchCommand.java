package dev.tidesync.app.os;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** How to start this app again (for start at login): the installed launcher, else this java command. */
public final class LaunchCommand {

    private LaunchCommand() {}

    public static List<String> current() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.tidesync.app.Launcher");
        return command;
    }
}
