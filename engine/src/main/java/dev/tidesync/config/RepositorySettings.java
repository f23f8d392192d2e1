package dev.tidesync.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One watched repository, with the global guards already filled in where it sets none.
 *
 * @param path      the work tree's root, absolute
 * @param remotes   where to push; the first one is integrated from. Empty: the branch's upstream remote
 * @param excludes  gitignore-style patterns Tidesync never commits, on top of .gitignore
 */
public record RepositorySettings(
        String path,
        String name,
        SyncMode mode,
        List<String> remotes,
        IntegrateStrategy integrate,
        List<String> excludes,
        GuardSettings guards) {

    public RepositorySettings {
        remotes = remotes == null ? List.of() : List.copyOf(remotes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        mode = mode == null ? SyncMode.AUTO_COMMIT : mode;
        integrate = integrate == null ? IntegrateStrategy.REBASE : integrate;
        guards = guards == null ? GuardSettings.defaults() : guards;
    }

    public Path workTree() {
        return Path.of(path);
    }

    public static RepositorySettings of(Path workTree, List<String> remotes, SyncMode mode) {
        return new RepositorySettings(workTree.toString(), workTree.getFileName() == null ? workTree.toString()
                : workTree.getFileName().toString(), mode, List.copyOf(remotes), IntegrateStrategy.REBASE,
                List.of(), GuardSettings.defaults());
    }
}
