package dev.tidesync.cli;

import dev.tidesync.io.OperatingSystem;

import dev.tidesync.autostart.AutoStart;
import dev.tidesync.autostart.AutoStarts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "autostart", description = "Start the tray app when you log in: on, off, or (no argument) whether it does.")
final class AutoStartCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @Parameters(paramLabel = "on|off", arity = "0..1", description = "Turn starting at login on or off")
    String action;

    @Option(names = "--app", paramLabel = "PROGRAM",
            description = "The program to start (default: the installed Tidesync app beside this command)")
    Path app;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Override
    public Integer call() {
        if (action != null && !action.equals("on") && !action.equals("off")) {
            throw CliError.usage("autostart takes on or off, not '" + action + "'");
        }
        OperatingSystem os = OperatingSystem.current();
        AutoStart autoStart = AutoStarts.forSystem(os, root.environment.env(), System.getProperty("user.home"), List.of(program(os).toString()));
        if (!autoStart.available()) {
            throw CliError.usage("Starting at login is not supported on " + System.getProperty("os.name", "this system"));
        }
        try {
            if ("on".equals(action)) {
                autoStart.enable();
            } else if ("off".equals(action)) {
                autoStart.disable();
            }
        } catch (IOException e) {
            throw CliError.failed("Could not change " + autoStart.describe() + ": " + e.getMessage());
        }
        boolean enabled = autoStart.enabled();
        Printer printer = new Printer(root);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("enabled", enabled);
            out.put("where", autoStart.describe());
            printer.json(out);
        } else {
            printer.line("Start at login is " + (enabled ? "on" : "off") + " (" + autoStart.describe() + ")");
        }
        return ExitCodes.OK;
    }

    private Path program(OperatingSystem os) {
        if (app != null) {
            return app.toAbsolutePath().normalize();
        }
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null && !launcher.isBlank()) {
            Path beside = AutoStarts.appLauncherBeside(Path.of(launcher), os);
            if (Files.isExecutable(beside)) {
                return beside;
            }
        }
        if (action == null || action.equals("off")) {
            return Path.of("Tidesync"); // only the location is needed to look or remove
        }
        throw CliError.usage("This tidesync was not started from an installed package, so there is no tray app beside it; "
                + "install Tidesync, or name the program with --app PATH");
    }
}
