package dev.tidesync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tidesync.config.ConfigException;
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
            services.settingsChanged(services.configStore().update(doc -> {
                JsonNode list = doc.get("repositories");
                if (list instanceof ArrayNode array) {
                    for (int i = array.size() - 1; i >= 0; i--) {
                        JsonNode p = array.get(i).get("path");
                        if (p != null && Paths.canonical(Path.of(p.asText())).equals(Paths.canonical(repo.workTree()))) {
                            array.remove(i);
                        }
                    }
                }
            }));
        } catch (ConfigException e) {
            throw CliError.usage(e.getMessage());
        }
        new Printer(root).line("No longer watching " + repo.name() + " (" + repo.path() + "); its files and history are untouched");
        return ExitCodes.OK;
    }
}
