package dev.tidesync.git;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.errors.AbortedByHookException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Stages exactly what the guards allowed and records it as one commit. */
public final class Committer {

    /** What was committed. */
    public record Committed(String commitId, ChangeSummary summary) {}

    /** A commit hook (pre-commit, commit-msg) said no; the changes stay staged, as after `git commit`. */
    public static final class HookRefusal extends IOException {
        public HookRefusal(String message) {
            super(message);
        }
    }

    private Committer() {}

    /**
     * @param message renders the message from the summary of what is staged
     * @return empty when the verdict leaves nothing to commit (or the staged result equals HEAD)
     */
    public static Optional<Committed> commit(GitRepo repo, CommitPlan plan, Function<ChangeSummary, String> message,
                                             Identity identity) throws IOException {
        return commit(repo, plan, message, identity, Optional.empty());
    }

    /**
     * As above; with the installed {@code git}, a large tree's or a large commit's work goes to
     * git's plumbing ({@link CliCommit}), where it is measured several times faster.
     */
    public static Optional<Committed> commit(GitRepo repo, CommitPlan plan, Function<ChangeSummary, String> message,
                                             Identity identity, Optional<GitCli> git) throws IOException {
        PersonIdent author = identity.person();
        if (plan.empty()) {
            return Optional.empty();
        }
        if (CliCommit.suits(repo, plan, git)) {
            return CliCommit.commit(repo, plan, message, author, git.get());
        }
        try {
            if (!plan.paths().isEmpty()) {
                AddCommand add = repo.git().add();
                plan.paths().forEach(add::addFilepattern);
                add.call();
            }
            if (!plan.deletions().isEmpty()) {
                RmCommand rm = repo.git().rm().setCached(true);
                plan.deletions().forEach(rm::addFilepattern);
                rm.call();
            }
            ObjectId head = repo.repository().resolve(Constants.HEAD);
            DirCache index = repo.repository().readDirCache();
            java.util.Set<String> own = new java.util.TreeSet<>(plan.paths());
            own.addAll(plan.deletions());
            ChangeSummary summary = ChangeSummary.of(repo.repository(), head, index, plan.keepStaged().isEmpty() ? java.util.Set.of() : own);
            if (summary.files().isEmpty()) {
                return Optional.empty();
            }
            // The user's commit hooks run as with git; their output is kept off our stdout (it may be JSON).
            java.io.ByteArrayOutputStream hookOutput = new java.io.ByteArrayOutputStream();
            java.io.PrintStream hooks = new java.io.PrintStream(hookOutput, true, java.nio.charset.StandardCharsets.UTF_8);
            CommitCommand command = repo.git().commit();
            if (!plan.keepStaged().isEmpty()) {
                own.forEach(command::setOnly); // the user's other staged entries stay staged, untouched
            }
            RevCommit commit = command
                    .setMessage(message.apply(summary))
                    .setAuthor(author)
                    .setCommitter(author)
                    .setHookOutputStream(hooks)
                    .setHookErrorStream(hooks)
                    .call();
            return Optional.of(new Committed(commit.name(), summary));
        } catch (AbortedByHookException e) {
            throw new HookRefusal("the " + e.getHookName() + " hook refused the commit"
                    + HookOutput.lastLine(e.getHookStdErr()).map(l -> ": " + l).orElse(""));
        } catch (GitAPIException e) {
            throw new IOException("committing failed: " + FailureClassifier.rootMessage(e), e);
        }
    }
}
