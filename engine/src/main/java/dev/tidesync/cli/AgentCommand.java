package dev.tidesync.cli;

import dev.tidesync.agent.Agent;
import dev.tidesync.agent.AgentException;
import dev.tidesync.agent.AgentSetup;
import dev.tidesync.agent.AgentSetup.Change;
import dev.tidesync.io.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** agent install|status|remove: Tidesync's hooks in an agent's own settings, in one command. */
@Command(name = "agent", description = "Set up Tidesync's hooks in a coding agent's settings: install, status or remove.",
        subcommands = {AgentCommand.Install.class, AgentCommand.Status.class, AgentCommand.Remove.class})
final class AgentCommand {

    @ParentCommand
    TidesyncCommand root;

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        AgentCommand parent;

        @Parameters(paramLabel = "AGENT", description = "claude-code, opencode or codex")
        String agentName;

        @Option(names = "--project", paramLabel = "DIR", description = "That project's settings instead of your own (Claude Code, OpenCode)")
        Path project;

        TidesyncCommand root() {
            return parent.root;
        }

        Agent agent() {
            try {
                return Agent.fromId(agentName);
            } catch (IllegalArgumentException e) {
                throw CliError.usage(e.getMessage());
            }
        }

        AgentSetup setup() {
            Map<String, String> env = root().environment.env();
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            return new AgentSetup(env, Path.of(home));
        }

        Optional<Path> project() {
            return Optional.ofNullable(project).map(p -> p.toAbsolutePath().normalize());
        }

        @Override
        public Integer call() {
            try {
                return run(new Printer(root()));
            } catch (AgentException e) {
                throw CliError.failed(e.getMessage());
            }
        }

        abstract int run(Printer printer) throws AgentException;
    }

    @Command(name = "install", description = "Write Tidesync's hooks into the agent's settings, keeping everything else there.")
    static final class Install extends Base {
        @Option(names = "--command", paramLabel = "PATH", description = "The tidesync the hooks run (default: tidesync on PATH, else this launcher)")
        String command;

        @Override
        int run(Printer printer) throws AgentException {
            Agent agent = agent();
            Change change = setup().install(agent, project(), tidesync());
            switch (change) {
                case Change.Installed i -> printer.line("Installed Tidesync's hooks for " + agent.title() + " in " + i.file()
                        + i.backup().map(b -> " (the file before is " + b + ")").orElse(""));
                case Change.AlreadyInstalled a -> printer.line("Tidesync's hooks for " + agent.title() + " are already in " + a.file());
                default -> throw new IllegalStateException(change.toString());
            }
            boolean checkpointOff = !root().services().settings().triggers().checkpoint().enabled();
            if (agent == Agent.CODEX && checkpointOff) {
                printer.line("Codex runs Tidesync after each turn as a checkpoint, which is off: turn it on with `tidesync enable checkpoint`");
            }
            return ExitCodes.OK;
        }

        /** What the agent runs: tidesync by name when the PATH finds it, else the launcher running now, by its full path. */
        private String tidesync() {
            return SelfLauncher.byName(root().environment.env(), command);
        }
    }

    @Command(name = "status", description = "Whether the agent's settings run Tidesync's hooks.")
    static final class Status extends Base {
        @Option(names = "--json", description = "Print JSON: agent, file, installed, events")
        boolean json;

        @Override
        int run(Printer printer) throws AgentException {
            AgentSetup.Status s = setup().status(agent(), project());
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("agent", s.agent().id());
                out.put("file", s.file().toString());
                out.put("installed", s.installed());
                out.put("events", s.events());
                printer.json(out);
            } else if (s.installed()) {
                printer.line(s.agent().title() + " runs Tidesync's hooks (" + String.join(", ", s.events()) + ") from " + s.file());
            } else if (!s.events().isEmpty()) {
                printer.line(s.agent().title() + " runs only some of Tidesync's hooks (" + String.join(", ", s.events()) + ") from " + s.file()
                        + "; `tidesync agent install " + s.agent().id() + "` adds the rest");
            } else {
                printer.line(s.agent().title() + " does not run Tidesync's hooks (" + s.file() + "); set them up with `tidesync agent install "
                        + s.agent().id() + (project == null ? "" : " --project " + project) + "`");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Take Tidesync's hooks out of the agent's settings, and nothing else.")
    static final class Remove extends Base {
        @Override
        int run(Printer printer) throws AgentException {
            Agent agent = agent();
            Change change = setup().remove(agent, project());
            switch (change) {
                case Change.Removed r -> printer.line("Removed Tidesync's hooks for " + agent.title() + " from " + r.file()
                        + r.backup().map(b -> " (the file before is " + b + ")").orElse(""));
                case Change.NotInstalled n -> printer.line(agent.title() + " had no Tidesync hooks in " + n.file());
                default -> throw new IllegalStateException(change.toString());
            }
            return ExitCodes.OK;
        }
    }

}
