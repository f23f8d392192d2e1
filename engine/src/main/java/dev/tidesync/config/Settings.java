package dev.tidesync.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The typed view of config.json. The file itself is kept as a JSON tree (see {@link ConfigStore})
 * so that fields this version does not know survive every save.
 */
public record Settings(
        boolean enabled,
        Triggers triggers,
        CommitSettings commit,
        GuardSettings guards,
        LockSettings locks,
        NetworkSettings network,
        HistorySettings history,
        Throttle throttle,
        List<WatchRoot> watchRoots,
        List<String> excludeRepositories,
        List<RepositorySettings> repositories,
        DesktopSettings desktop,
        AnnounceSettings announce) {

    public Settings {
        desktop = desktop == null ? DesktopSettings.defaults() : desktop;
        announce = announce == null ? AnnounceSettings.off() : announce;
        watchRoots = watchRoots == null ? List.of() : List.copyOf(watchRoots);
        excludeRepositories = excludeRepositories == null ? List.of() : List.copyOf(excludeRepositories);
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
    }

    /**
     * @param messageTemplate subject and body of auto-commits; ${summary}, ${files}, ${timestamp},
     *                        ${host} and ${trigger} are filled in
     */
    public record CommitSettings(String messageTemplate) {}

    /** The commit message template for a sync {@code trigger} asked for: its own, else the global one. */
    public String commitTemplate(dev.tidesync.model.Trigger trigger) {
        String own = triggers.of(trigger).commitMessage();
        return own != null ? own : commit.messageTemplate();
    }

    /**
     * @param staleIndexLockSeconds git's index.lock older than this with no live holder is cleared
     * @param waitSeconds           how long a command waits for another sync of the same repository
     */
    public record LockSettings(long staleIndexLockSeconds, long waitSeconds) {}

    /**
     * @param timeoutSeconds    a network operation with no progress for this long is ended (an active transfer never is)
     * @param transport         {@code auto}: the installed git for remotes with a host, JGit for local paths;
     *                          {@code git} or {@code jgit}: that one for every remote
     * @param acceptNewHostKeys trust an SSH host key seen for the first time (OpenSSH's accept-new); a changed key is always refused
     */
    public record NetworkSettings(int timeoutSeconds, TransportChoice transport, boolean acceptNewHostKeys) {}

    public enum TransportChoice {
        AUTO, GIT, JGIT;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param maxBytes history.jsonl is rotated past this size; {@code keepFiles} rotated files are kept */
    public record HistorySettings(long maxBytes, int keepFiles) {}

    /**
     * How often the engine may sync one repository, and how it backs off.
     *
     * @param minIntervalSeconds     automatic cycles of one repository start at least this far apart
     * @param backoffBaseSeconds     the wait after the first failure, doubled per further failure (with jitter)
     * @param backoffMaxSeconds      the longest wait between automatic retries
     * @param attentionAfterFailures after this many failures in a row the repository needs attention:
     *                               no automatic retries until something changes
     */
    public record Throttle(int minIntervalSeconds, int backoffBaseSeconds, int backoffMaxSeconds, int attentionAfterFailures) {}

    /**
     * A folder whose git repositories are all watched, found down to {@code maxDepth} levels,
     * never looking inside folders named in {@code skipFolders} (dependency caches, build output).
     */
    public record WatchRoot(String path, int maxDepth, List<String> skipFolders) {
        public WatchRoot {
            maxDepth = maxDepth == 0 ? 3 : maxDepth;
            skipFolders = skipFolders == null ? DEFAULT_SKIPPED_FOLDERS : List.copyOf(skipFolders);
        }
    }

    /** Folders that are never someone's repository but can hold a million files. */
    public static final List<String> DEFAULT_SKIPPED_FOLDERS = List.of("node_modules", "target", "build", "dist", "out", "vendor",
            "venv", ".venv", "__pycache__", ".gradle", ".m2", ".cache", ".npm", ".cargo", ".rustup", "Library", "AppData", "$RECYCLE.BIN");

    public static final String DEFAULT_MESSAGE_TEMPLATE =
            "${summary}\n\nSynced by Tidesync from ${host} (${trigger}) at ${timestamp}.\n\n${files}";

    /** Without the announcement channel (off). */
    public Settings(boolean enabled, Triggers triggers, CommitSettings commit, GuardSettings guards, LockSettings locks,
                    NetworkSettings network, HistorySettings history, Throttle throttle, List<WatchRoot> watchRoots,
                    List<String> excludeRepositories, List<RepositorySettings> repositories, DesktopSettings desktop) {
        this(enabled, triggers, commit, guards, locks, network, history, throttle, watchRoots, excludeRepositories, repositories, desktop,
                AnnounceSettings.off());
    }

    public static Settings defaults() {
        return new Settings(true, Triggers.defaults(), new CommitSettings(DEFAULT_MESSAGE_TEMPLATE),
                GuardSettings.defaults(), new LockSettings(600, 30), new NetworkSettings(30, TransportChoice.AUTO, false),
                new HistorySettings(10L * 1024 * 1024, 5), new Throttle(10, 15, 1800, 5), List.of(), List.of(), List.of(),
                DesktopSettings.defaults());
    }

    public Settings withRepositories(List<RepositorySettings> next) {
        return new Settings(enabled, triggers, commit, guards, locks, network, history, throttle, watchRoots, excludeRepositories, next,
                desktop, announce);
    }

    /** Whether the user took {@code workTree} out of the watch roots' findings (by removing it). */
    public boolean excluded(Path workTree) {
        Path wanted = Paths.canonical(workTree);
        return excludeRepositories.stream().anyMatch(p -> Paths.canonical(Path.of(p)).equals(wanted));
    }

    /** The repository whose work tree is {@code workTree}, compared as real paths. */
    public Optional<RepositorySettings> repository(Path workTree) {
        Path wanted = Paths.canonical(workTree);
        return repositories.stream().filter(r -> Paths.canonical(r.workTree()).equals(wanted)).findFirst();
    }
}
