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
        GuardSettings guards,
        List<ChangeRule> rules,
        Gate gate) {

    /**
     * When automatic triggers commit paths matching {@code pattern} (gitignore-style): {@code always}
     * (the default), {@code after} {@code changes} separate bursts of edits, or {@code never}
     * (only a manual `tidesync sync` commits them).
     */
    public record ChangeRule(String pattern, String when, int changes) {}

    /** A command that must exit 0 in the work tree before Tidesync pushes (tests, linters). */
    public record Gate(String command, int timeoutSeconds) {
        public Gate {
            timeoutSeconds = timeoutSeconds == 0 ? 300 : timeoutSeconds;
        }
    }

    public RepositorySettings {
        remotes = remotes == null ? List.of() : List.copyOf(remotes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        mode = mode == null ? SyncMode.AUTO_COMMIT : mode;
        integrate = integrate == null ? IntegrateStrategy.REBASE : integrate;
        guards = guards == null ? GuardSettings.defaults() : guards;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Patterns of the rules that keep paths away from automatic commits. */
    public List<String> neverAutomatic() {
        return rules.stream().filter(r -> "never".equals(r.when())).map(ChangeRule::pattern).toList();
    }

    public java.util.Optional<Gate> gateCommand() {
        return java.util.Optional.ofNullable(gate).filter(g -> g.command() != null && !g.command().isBlank());
    }

    public Path workTree() {
        return Path.of(path);
    }

    public static RepositorySettings of(Path workTree, List<String> remotes, SyncMode mode) {
        return new RepositorySettings(workTree.toString(), workTree.getFileName() == null ? workTree.toString()
                : workTree.getFileName().toString(), mode, List.copyOf(remotes), IntegrateStrategy.REBASE,
                List.of(), GuardSettings.defaults(), List.of(), null);
    }
}
