package dev.tidesync.cli;

import dev.tidesync.config.RepositorySettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "The watched repositories.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Override
    public Integer call() {
        var repositories = root.services().settings().repositories();
        Printer printer = new Printer(root);
        if (json) {
            printer.json(repositories);
            return ExitCodes.OK;
        }
        if (repositories.isEmpty()) {
            printer.line("No repositories are watched yet; add one with `tidesync add PATH`");
        }
        for (RepositorySettings r : repositories) {
            printer.line(r.name() + "\t" + r.path() + "\t" + r.mode().label()
                    + (r.remotes().isEmpty() ? "" : "\t" + String.join(",", r.remotes())));
        }
        return ExitCodes.OK;
    }
}
