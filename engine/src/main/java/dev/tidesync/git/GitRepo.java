package dev.tidesync.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/** An opened non-bare repository; the one handle the git package hands around. */
public final class GitRepo implements AutoCloseable {

    static {
        // JGit otherwise spends ~3 s probing timestamp resolution on the first call on a machine.
        FS.FileStoreAttributes.setBackground(true);
    }

    private final Repository repository;
    private final Git git;

    private GitRepo(Repository repository) {
        this.repository = repository;
        this.git = new Git(repository);
        // A detached auto-gc thread would be killed when a CLI process exits, leaving git's
        // locks behind; run it in the foreground instead (in memory only, the file is untouched).
        repository.getConfig().setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, "autoDetach", false);
    }

    /** Opens the repository whose work tree contains {@code anyPath}. */
    public static GitRepo open(Path anyPath) throws NotARepositoryException {
        File start = anyPath.toAbsolutePath().normalize().toFile();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start).setMustExist(true);
        if (builder.getGitDir() == null) {
            throw new NotARepositoryException(anyPath + " is not inside a git repository; run `git init` there or pick the repository's folder");
        }
        try {
            Repository repository = builder.build();
            if (repository.isBare()) {
                repository.close();
                throw new NotARepositoryException(anyPath + " is a bare repository, which has no files to sync; add a clone of it instead");
            }
            return new GitRepo(repository);
        } catch (IOException e) {
            throw new NotARepositoryException(anyPath + " could not be opened as a git repository (" + e.getMessage() + ")");
        }
    }

    public Repository repository() {
        return repository;
    }

    public Git git() {
        return git;
    }

    public Path workTree() {
        return repository.getWorkTree().toPath();
    }

    /** Whether git's config names a remote called {@code remote}. */
    public boolean hasRemote(String remote) {
        return repository.getRemoteNames().contains(remote);
    }

    /** The remotes git's config names, origin first, the rest by name. */
    public java.util.List<String> remoteNames() {
        return repository.getRemoteNames().stream()
                .sorted(java.util.Comparator.comparing((String r) -> !r.equals("origin")).thenComparing(r -> r)).toList();
    }

    public Path gitDir() {
        return repository.getDirectory().toPath();
    }

    /** Tidesync's own bookkeeping inside the git directory (locks, integration journal). */
    public Path tidesyncDir() {
        return gitDir().resolve("tidesync");
    }

    @Override
    public void close() {
        git.close();
        repository.close();
    }
}
