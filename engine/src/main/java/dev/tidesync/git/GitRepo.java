package dev.tidesync.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import java.util.Optional;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
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

    /** JGit's handle, for the git package and its sub-packages; only they speak JGit (an architecture rule holds it). */
    public Repository repository() {
        return repository;
    }

    public Git git() {
        return git;
    }

    /** The commit HEAD points at; empty on an unborn branch. */
    public Optional<String> head() throws IOException {
        ObjectId id = repository.resolve(Constants.HEAD);
        return Optional.ofNullable(id).map(ObjectId::name);
    }

    /** The branch HEAD is on ("refs/heads/main"); empty when HEAD is detached. */
    public Optional<String> branchRef() throws IOException {
        return Optional.ofNullable(repository.getFullBranch()).filter(b -> b.startsWith(Constants.R_HEADS));
    }

    /** The commit {@code refName} (exactly that ref, e.g. refs/remotes/origin/main) points at, if it exists. */
    public Optional<String> refId(String refName) throws IOException {
        Ref ref = repository.exactRef(refName);
        return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
    }

    /** Whether {@code ancestor} is {@code commit} or in its history. */
    public boolean contains(String commit, String ancestor) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(commit)));
        }
    }

    /** Commits in {@code commit}'s history that {@code base} lacks; every commit there when there is no base. */
    public int commitsSince(String commit, Optional<String> base) throws IOException {
        if (base.isPresent()) {
            return Inspector.aheadBehind(repository, ObjectId.fromString(commit), ObjectId.fromString(base.get()))[0];
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(commit)));
            int n = 0;
            for (var ignored : walk) {
                n++;
            }
            return n;
        }
    }

    /** How many files HEAD's tree has (0 on an unborn branch): what the user last committed, whatever is staged since. */
    public int filesAtHead() throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            return 0;
        }
        try (RevWalk walk = new RevWalk(repository); org.eclipse.jgit.treewalk.TreeWalk tree = new org.eclipse.jgit.treewalk.TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(head).getTree());
            tree.setRecursive(true);
            int n = 0;
            while (tree.next()) {
                n++;
            }
            return n;
        }
    }

    /**
     * Like `git push -u`: gives {@code branchRef} the upstream {@code remote}/{@code remoteBranch} if
     * it has none yet. True when it set one.
     */
    public boolean trackUpstreamIfUnset(String branchRef, String remote, String remoteBranch) throws IOException {
        String branch = Repository.shortenRefName(branchRef);
        StoredConfig config = repository.getConfig();
        if (config.getString("branch", branch, "remote") != null) {
            return false;
        }
        config.setString("branch", branch, "remote", remote);
        config.setString("branch", branch, "merge", remoteBranch);
        config.save();
        return true;
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
