package dev.tidesync.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "tidesync",
        description = "Keeps git repositories in sync with their remotes, by itself.",
        versionProvider = VersionProvider.class,
        mixinStandardHelpOptions = true,
        subcommands = {
                AddCommand.class, RemoveCommand.class, ListCommand.class, StatusCommand.class,
                SyncCommands.Sync.class, SyncCommands.Pull.class, SyncCommands.Push.class,
                HistoryCommand.class, StatsCommand.class,
                SwitchCommands.Enable.class, SwitchCommands.Disable.class,
                SwitchCommands.Pause_.class, SwitchCommands.Resume.class,
                RepairCommands.Resolve.class, RepairCommands.Undo.class,
                RunCommand.class, HookCommand.class, AgentCommand.class, AnnounceCommand.class, AutoStartCommand.class, ServiceCommand.class,
                ConfigCommand.class, DoctorCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done, or nothing to do",
                "1:a sync or repository operation failed",
                "2:usage or configuration error",
                "3:a conflict: the working tree was left as it was",
                "4:synced, but something was held back"})
final class TidesyncCommand implements Runnable {

    final CliEnvironment environment;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where Tidesync keeps config, state and history (overrides TIDESYNC_HOME)")
    Path home;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show each step of a sync, its time and what it did; and the details of failures")
    boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Also show the libraries' own logging (JGit's and others'), for bug reports")
    boolean debug;

    @Spec
    CommandSpec spec;

    private Services services;

    TidesyncCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw CliError.usage("say what to do, e.g. `tidesync status`; `tidesync help` lists the commands");
    }

    CommandSpec spec() {
        return spec;
    }

    Services services() {
        if (services == null) {
            services = new Services(Optional.ofNullable(home), environment);
        }
        return services;
    }
}
