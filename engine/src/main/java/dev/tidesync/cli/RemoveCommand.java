package dev.tidesync.cli;

import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Paths;
import dev.tidesync.config.RepositorySettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "remove", description = "Stop watching a repository (the repository itself is never touched).")
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @Parameters(paramLabel = "PATH", description = "The repository's folder (it may no longer exist)")
    Path path;

    @Override
    public Integer call() {
        Services services = root.services();
        Path wanted = Paths.canonical(path);
        // The folder may be gone: match the configured path itself before asking git.
        RepositorySettings repo = services.settings().repositories().stream()
                .filter(r -> Paths.canonical(r.workTree()).equals(wanted) || r.name().equals(path.toString()))
                .findFirst()
                .orElseGet(() -> services.watched(path));
        try {
            services.settingsChanged(services.configStore().update(doc -> ConfigStore.removeRepository(doc, repo.workTree())));
        } catch (ConfigException e) {
            throw CliError.usage(e.getMessage());
        }
        new Printer(root).line("No longer watching " + repo.name() + " (" + repo.path() + "); its files and history are untouched");
        return ExitCodes.OK;
    }
}
