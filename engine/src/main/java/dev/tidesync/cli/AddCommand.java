package dev.tidesync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tidesync.config.ConfigException;
import dev.tidesync.config.ConfigStore;
import dev.tidesync.config.Paths;
import dev.tidesync.config.Settings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.NotARepositoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "add", description = "Watch the repository whose work tree contains PATH.")
final class AddCommand implements Callable<Integer> {

    @ParentCommand
    TidesyncCommand root;

    @Parameters(paramLabel = "PATH", description = "A folder inside the repository's work tree")
    Path path;

    @Option(names = "--remote", paramLabel = "NAME", description = "Remote to sync with; repeat to mirror every push (default: the branch's upstream remote)")
    List<String> remotes = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE", description = "auto-commit (default), commits-only, pull-only, push-only or no-push",
            converter = ModeConverter.class)
    SyncMode mode = SyncMode.AUTO_COMMIT;

    @Option(names = "--name", paramLabel = "NAME", description = "Name shown in status and the tray (default: the folder's name)")
    String name;

    @Override
    public Integer call() {
        Services services = root.services();
        Path workTree;
        Set<String> known;
        try (GitRepo repo = GitRepo.open(path)) {
            workTree = Paths.canonical(repo.workTree());
            known = Set.copyOf(repo.remoteNames());
        } catch (NotARepositoryException e) {
            throw CliError.usage(e.getMessage());
        }
        for (String remote : remotes) {
            if (!known.contains(remote)) {
                throw CliError.usage(workTree + " has no remote named " + remote + (known.isEmpty() ? "" : " (it has " + String.join(", ", known) + ")")
                        + "; add it with `git remote add " + remote + " URL` first");
            }
        }
        if (services.settings().repository(workTree).isPresent()) {
            new Printer(root).line(workTree + " is already watched; change it with `tidesync config set`");
            return ExitCodes.OK;
        }
        String shown = name != null ? name : String.valueOf(workTree.getFileName());
        try {
            Settings next = services.configStore().update(doc -> {
                ObjectNode entry = ConfigStore.addRepository(doc, workTree, shown);
                entry.put("mode", mode.label());
                ArrayNode r = entry.putArray("remotes");
                remotes.forEach(r::add);
            });
            services.settingsChanged(next);
        } catch (ConfigException e) {
            throw CliError.usage(e.getMessage());
        }
        String via = remotes.isEmpty() ? "the branch's upstream remote" : String.join(", ", remotes);
        new Printer(root).line("Watching " + shown + " (" + workTree + "): " + mode.label() + ", syncing with " + via);
        return ExitCodes.OK;
    }
}
