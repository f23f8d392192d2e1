package dev.tidesync.trigger;

import dev.tidesync.git.IgnoreRules;
import dev.tidesync.guard.EditorFiles;
import dev.tidesync.git.PathPatterns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Watches one repository: its work tree (not .git internals, not ignored, excluded or editor
 * files) and its branch refs (a commit made by hand), through the engine's one {@link WatchHub}.
 * Ignored folders (node_modules, build output) are never even registered.
 */
public final class RepoWatcher implements AutoCloseable {

    /** What the watcher reports; called on the hub's thread, so implementations only hand on. */
    public interface Listener {
        void filesChanged(Set<String> paths);

        void refsChanged();

        void lostTrack();
    }

    private final Path workTree;
    private final Path gitDir;
    private final IgnoreRules ignores;
    private final PathPatterns excludes;
    private final Listener listener;
    private WatchHub.Subscription subscription;

    private RepoWatcher(Path workTree, Path gitDir, IgnoreRules ignores, PathPatterns excludes, Listener listener) {
        this.workTree = workTree;
        this.gitDir = gitDir;
        this.ignores = ignores;
        this.excludes = excludes;
        this.listener = listener;
    }

    /** Starts watching; every folder is registered before this returns. */
    public static RepoWatcher start(Path workTree, Path gitDir, IgnoreRules ignores, PathPatterns excludes, Listener listener,
                                    WatchHub hub) throws IOException {
        RepoWatcher w = new RepoWatcher(workTree.toRealPath(), gitDir.toRealPath(), ignores, excludes, listener);
        List<Path> roots = w.gitDir.startsWith(w.workTree) ? List.of(w.workTree) : List.of(w.workTree, w.gitDir);
        w.subscription = hub.watch(roots, w::watched, new WatchHub.Listener() {
            @Override
            public void changed(Path path, boolean directory) {
                w.onEvent(path, directory);
            }

            @Override
            public void lostTrack() {
                listener.lostTrack();
            }
        });
        return w;
    }

    private void onEvent(Path path, boolean isDirectory) {
        if (path.startsWith(gitDir)) {
            if (isRef(gitDir.relativize(path).toString().replace('\\', '/'))) {
                listener.refsChanged();
            }
            return;
        }
        if (!path.startsWith(workTree) || path.equals(workTree)) {
            return;
        }
        String rel = workTree.relativize(path).toString().replace('\\', '/');
        if (rel.endsWith("/.gitignore") || rel.equals(".gitignore")) {
            ignores.forget(rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "");
        }
        if (relevant(rel, isDirectory)) {
            listener.filesChanged(Set.of(rel));
        }
    }

    /** Whether a change at work-tree-relative {@code rel} could be something to commit. */
    boolean relevant(String rel, boolean isDirectory) {
        if (rel.equals(".git") || rel.startsWith(".git/")) {
            return false;
        }
        return !EditorFiles.isEditorFile(rel) && !excludes.matches(rel) && !ignores.ignored(rel, isDirectory);
    }

    /** The files git changes when a branch moves: HEAD, packed-refs and loose branch refs (not their locks). */
    static boolean isRef(String relToGitDir) {
        if (relToGitDir.endsWith(".lock")) {
            return false;
        }
        return relToGitDir.equals("HEAD") || relToGitDir.equals("packed-refs") || relToGitDir.startsWith("refs/heads/");
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Which folders to register: the work tree's except .git and ignored ones, and in .git only what holds branch refs. */
    private boolean watched(Path dir) {
        Path real = dir.toAbsolutePath().normalize();
        if (real.startsWith(gitDir)) {
            String rel = gitDir.relativize(real).toString().replace('\\', '/');
            return rel.isEmpty() || rel.equals("refs") || rel.equals("refs/heads") || rel.startsWith("refs/heads/");
        }
        if (real.equals(workTree)) {
            return true;
        }
        if (!real.startsWith(workTree)) {
            return false;
        }
        String rel = workTree.relativize(real).toString().replace('\\', '/');
        if (Files.exists(real.resolve(".git")) && !rel.isEmpty()) {
            return false; // a nested repository (or submodule) is its own business
        }
        return !excludes.matches(rel + "/x") && !ignores.ignored(rel, true);
    }
}
