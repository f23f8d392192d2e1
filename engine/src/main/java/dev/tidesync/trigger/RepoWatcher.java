package dev.tidesync.trigger;

import dev.tidesync.guard.EditorFiles;
import dev.tidesync.guard.PathPatterns;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one repository: its work tree (not .git internals, not ignored, excluded or editor
 * files) and its branch refs (a commit made by hand). Built on io.methvin's directory-watcher,
 * which registers new folders as they appear and reports overflows; its tree visitor is ours so
 * ignored folders (node_modules, build output) are never even registered.
 */
public final class RepoWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RepoWatcher.class);

    /** What the watcher reports; called on the watcher's thread, so implementations only hand on. */
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
    private final DirectoryWatcher watcher;

    private RepoWatcher(Path workTree, Path gitDir, IgnoreRules ignores, PathPatterns excludes, Listener listener)
            throws IOException {
        this.workTree = workTree;
        this.gitDir = gitDir;
        this.ignores = ignores;
        this.excludes = excludes;
        this.listener = listener;
        List<Path> roots = gitDir.startsWith(workTree) ? List.of(workTree) : List.of(workTree, gitDir);
        this.watcher = DirectoryWatcher.builder()
                .paths(roots)
                .fileHashing(false) // hashing would read every file at start; git decides what changed
                .fileTreeVisitor(new Visitor())
                .logger(LOG)
                .listener(this::onEvent)
                .build();
    }

    /** Starts watching on {@code executor}; registration of the tree happens before this returns. */
    public static RepoWatcher start(Path workTree, Path gitDir, IgnoreRules ignores, PathPatterns excludes, Listener listener,
                                    Executor executor) throws IOException {
        RepoWatcher w = new RepoWatcher(workTree.toRealPath(), gitDir.toRealPath(), ignores, excludes, listener);
        w.watcher.watchAsync(executor);
        return w;
    }

    private void onEvent(DirectoryChangeEvent event) {
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            listener.lostTrack();
            return;
        }
        Path path = event.path();
        if (path == null) {
            return;
        }
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
        if (relevant(rel, event.isDirectory())) {
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
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watcher of {}: {}", workTree, e.getMessage());
        }
    }

    /** Registers the work tree's folders except .git and ignored ones, and in .git only what holds branch refs. */
    private final class Visitor implements FileTreeVisitor {
        @Override
        public void recursiveVisitFiles(Path root, Callback onDirectory, Callback onFile) throws IOException {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!watched(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    onDirectory.call(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    onFile.call(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable folder is not watched, the rest is
                }
            });
        }
    }

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
