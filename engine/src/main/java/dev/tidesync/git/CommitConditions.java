package dev.tidesync.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Repository set-ups where a commit made by Tidesync would differ from one made by git, so
 * Tidesync refuses to commit rather than commit wrongly: signing it cannot do, and Git LFS
 * without git-lfs's filter (the real file would be committed instead of its pointer).
 */
public final class CommitConditions {

    private CommitConditions() {}

    /** @return why committing here is refused, as the end of a sentence, or empty when it is safe */
    public static Optional<String> refusal(GitRepo repo, EffectiveConfig config) {
        if (config.getBoolean("commit.gpgsign", false)) {
            return Optional.of("git is set to sign every commit (commit.gpgsign) and Tidesync cannot sign; commit by hand,"
                    + " or set the repository to commits-only so Tidesync only publishes your own signed commits");
        }
        if (usesLfs(repo) && config.get("filter.lfs.clean").isEmpty()) {
            return Optional.of("it uses Git LFS but git-lfs is not set up here, so large files would be committed whole;"
                    + " install git-lfs and run `git lfs install`, then sync again");
        }
        return Optional.empty();
    }

    /** Git LFS is in use when an attributes file routes paths through the lfs filter. */
    static boolean usesLfs(GitRepo repo) {
        Path workTree = repo.workTree();
        Path gitDir = repo.repository().getDirectory().toPath();
        return mentionsLfs(workTree.resolve(".gitattributes")) || mentionsLfs(gitDir.resolve("info").resolve("attributes"));
    }

    private static boolean mentionsLfs(Path attributes) {
        try {
            return Files.isRegularFile(attributes) && Files.readString(attributes).contains("filter=lfs");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
