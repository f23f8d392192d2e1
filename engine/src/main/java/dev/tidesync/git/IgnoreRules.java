package dev.tidesync.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;

/**
 * Git's ignore rules for one work tree, as git applies them: the nearest .gitignore first, then
 * its parents', then .git/info/exclude, then core.excludesFile; a path inside an ignored folder
 * is ignored. .gitignore files are read lazily and forgotten when they change.
 */
public final class IgnoreRules {

    private static final IgnoreNode NONE = new IgnoreNode();

    private final Path workTree;
    private final IgnoreNode infoExclude;
    private final IgnoreNode globalExclude;
    private final Map<String, IgnoreNode> perFolder = new ConcurrentHashMap<>();

    private IgnoreRules(Path workTree, IgnoreNode infoExclude, IgnoreNode globalExclude) {
        this.workTree = workTree;
        this.infoExclude = infoExclude;
        this.globalExclude = globalExclude;
    }

    public static IgnoreRules of(GitRepo repo) {
        return of(repo.repository());
    }

    static IgnoreRules of(Repository repository) {
        Path workTree = repository.getWorkTree().toPath();
        IgnoreNode info = parse(repository.getDirectory().toPath().resolve("info/exclude"));
        String excludesFile = repository.getConfig().getString("core", null, "excludesfile");
        Path global;
        if (excludesFile != null) {
            global = excludesFile.startsWith("~/") ? FS.DETECTED.userHome().toPath().resolve(excludesFile.substring(2))
                    : Path.of(excludesFile);
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : FS.DETECTED.userHome().toPath().resolve(".config");
            global = config.resolve("git/ignore");
        }
        return new IgnoreRules(workTree, info, parse(global));
    }

    /** Whether git ignores the work-tree-relative {@code path} (forward slashes). */
    public boolean ignored(String path, boolean isDirectory) {
        int slash = path.indexOf('/');
        while (slash > 0) {
            if (decide(path.substring(0, slash), true)) {
                return true;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return decide(path, isDirectory);
    }

    /** A .gitignore in {@code folder} ("" for the root) changed. */
    public void forget(String folder) {
        perFolder.remove(folder);
    }

    private boolean decide(String path, boolean isDirectory) {
        String folder = parentOf(path);
        while (true) {
            IgnoreNode node = perFolder.computeIfAbsent(folder,
                    f -> parse(workTree.resolve(f.isEmpty() ? ".gitignore" : f + "/.gitignore")));
            String relative = folder.isEmpty() ? path : path.substring(folder.length() + 1);
            Boolean verdict = node.checkIgnored(relative, isDirectory);
            if (verdict != null) {
                return verdict;
            }
            if (folder.isEmpty()) {
                break;
            }
            folder = parentOf(folder);
        }
        Boolean info = infoExclude.checkIgnored(path, isDirectory);
        if (info != null) {
            return info;
        }
        Boolean global = globalExclude.checkIgnored(path, isDirectory);
        return global != null && global;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static IgnoreNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        IgnoreNode node = new IgnoreNode();
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(file.toString(), in);
        } catch (IOException e) {
            return NONE; // unreadable rules ignore nothing; the guards still keep secrets out
        }
        return node;
    }
}
