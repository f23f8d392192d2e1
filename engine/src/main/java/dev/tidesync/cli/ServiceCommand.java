package dev.tidesync.cli;

import dev.tidesync.autostart.AutoStarts;
import dev.tidesync.io.OperatingSystem;
import dev.tidesync.service.EngineService;
import dev.tidesync.service.EngineServices;
import dev.tidesync.service.ServiceManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** service install|remove|status: the headless engine run by the system's service manager. */
@Command(name = "service", description = "Run the headless engine (tidesync run) as a login service: install, remove or status.",
        subcommands = {ServiceCommand.Install.class, ServiceCommand.Remove.class, ServiceCommand.Status.class})
final class ServiceCommand {

    @ParentCommand
    TidesyncCommand root;

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        ServiceCommand parent;

        TidesyncCommand root() {
            return parent.root;
        }

        EngineService service() {
            Map<String, String> env = root().environment.env();
            return EngineServices.forSystem(OperatingSystem.current(), env, userHome(env), ServiceManager.system(env.get("PATH")))
                    .orElseThrow(() -> CliError.usage("Tidesync knows no service manager on " + System.getProperty("os.name", "this system")
                            + "; start `tidesync run` from your login scripts instead"));
        }

        static String userHome(Map<String, String> env) {
            return env.getOrDefault("HOME", System.getProperty("user.home"));
        }

        @Override
        public Integer call() {
            try {
                return run(new Printer(root()));
            } catch (IOException e) {
                throw CliError.failed("Could not change " + service().describe() + ": " + e.getMessage());
            }
        }

        abstract int run(Printer printer) throws IOException;

        void print(Printer printer, EngineService.Outcome outcome) {
            printer.line(outcome.done());
            outcome.pending().ifPresent(p -> printer.line("Still to run: " + p));
        }
    }

    @Command(name = "install", description = "Start the headless engine at login, and now; restarted if it fails.")
    static final class Install extends Base {
        @Option(names = "--command", paramLabel = "PATH", description = "The tidesync launcher to run (default: this installed launcher, else tidesync on PATH)")
        Path command;

        @Override
        int run(Printer printer) throws IOException {
            Map<String, String> env = root().environment.env();
            List<String> line = new ArrayList<>();
            line.add(SelfLauncher.absolute(env, command).toString());
            chosenHome().ifPresent(h -> {
                line.add("--home");
                line.add(h.toString());
            });
            line.add("run");
            print(printer, service().install(line));
            var app = AutoStarts.forSystem(OperatingSystem.current(), env, userHome(env), List.of("Tidesync"));
            if (app.available() && app.enabled()) {
                printer.line("The tray app also starts at login (" + app.describe() + ") and hosts its own engine, and only one runs per home: "
                        + "turn one off (`tidesync autostart off`, or `tidesync service remove`)");
            }
            return ExitCodes.OK;
        }

        /** The home the user picked (--home or TIDESYNC_HOME): the service must use the same one. */
        private Optional<Path> chosenHome() {
            if (root().home != null) {
                return Optional.of(root().home.toAbsolutePath().normalize());
            }
            return Optional.ofNullable(root().environment.env().get("TIDESYNC_HOME")).filter(h -> !h.isBlank())
                    .map(h -> Path.of(h).toAbsolutePath().normalize());
        }
    }

    @Command(name = "remove", description = "Stop the service and take it out.")
    static final class Remove extends Base {
        @Override
        int run(Printer printer) throws IOException {
            print(printer, service().remove());
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Whether the service is installed, what it runs, and whether it runs now.")
    static final class Status extends Base {
        @Option(names = "--json", description = "Print JSON: installed, where, command, running")
        boolean json;

        @Override
        int run(Printer printer) throws IOException {
            EngineService.Status s = service().status();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("installed", s.installed());
                out.put("where", service().describe());
                out.put("command", s.command().orElse(null));
                out.put("running", s.running().orElse(null));
                printer.json(out);
            } else if (!s.installed()) {
                printer.line("No Tidesync service is installed (" + service().describe() + "); `tidesync service install` adds one");
            } else {
                printer.line("Installed: " + service().describe() + " runs " + s.command().orElse("(cannot read its command)")
                        + s.running().map(r -> r ? "; running now" : "; not running now").orElse("; whether it runs now is unknown here"));
            }
            return ExitCodes.OK;
        }
    }
}
