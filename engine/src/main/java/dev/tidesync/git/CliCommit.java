package dev.tidesync.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.FS;

/**
 * A commit written by the installed git's plumbing, for the trees where JGit costs several times
 * git: a large index (JGit rewrites all of it on every add and drops git's cached-tree extension,
 * so every tree is hashed again; 100 000 files took 1.5× `git add -A && git commit`) or many
 * paths at once. The same plan, summary and result as {@link Committer}'s JGit path, in steps
 * git itself keeps safe: {@code update-index} (the index written through its lock),
 * {@code write-tree} (only the folders that changed, from the cached trees), {@code commit-tree},
 * and {@code update-ref} from the HEAD read before, so a commit made meanwhile is never lost.
 * Not {@code git commit}, which checks every file of the work tree again before an as-is commit.
 */
final class CliCommit {

    /**
     * Index entries from which git's index handling is worth the processes (LargeTree,
     * docs/benchmarks.md). The torture suite lowers both limits to 1 to crash this path too.
     */
    static final int LARGE_INDEX = Integer.getInteger("tidesync.gitCommit.largeIndex", 20_000);
    /** Paths in one commit from which git's hashing is worth the processes (ManyFiles, docs/benchmarks.md). */
    static final int MANY_PATHS = Integer.getInteger("tidesync.gitCommit.manyPaths", 500);

    private static final Duration STALL = Duration.ofMinutes(2);
    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final int LINE_COUNT_LIMIT = 200;

    private CliCommit() {}

    /**
     * Whether this commit goes to git: git is there, the tree is large or the commit is, and
     * nothing would make git's result differ from JGit's (commit hooks, which JGit runs and
     * reports in its own way; signing; the user's own staged entries to keep apart).
     */
    static boolean suits(GitRepo repo, CommitPlan plan, Optional<GitCli> git) {
        if (git.isEmpty() || !plan.keepStaged().isEmpty()) {
            return false;
        }
        if (plan.paths().size() + plan.deletions().size() < MANY_PATHS && indexEntries(repo.gitDir()) < LARGE_INDEX) {
            return false;
        }
        for (String hook : List.of("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit")) {
            if (FS.DETECTED.findHook(repo.repository(), hook) != null) {
                return false;
            }
        }
        return !repo.repository().getConfig().getBoolean("commit", "gpgsign", false);
    }

    /** The entry count in the index's header (bytes 8–11), without reading the rest; 0 when there is none. */
    static long indexEntries(Path gitDir) {
        try (InputStream in = Files.newInputStream(gitDir.resolve("index"))) {
            byte[] header = in.readNBytes(12);
            if (header.length < 12 || header[0] != 'D' || header[1] != 'I' || header[2] != 'R' || header[3] != 'C') {
                return 0;
            }
            return Integer.toUnsignedLong(ByteBuffer.wrap(header, 8, 4).getInt());
        } catch (IOException e) {
            return 0; // no index yet (or unreadable): small as far as this choice goes
        }
    }

    static Optional<Committer.Committed> commit(GitRepo repo, CommitPlan plan, Function<ChangeSummary, String> message,
                                                PersonIdent author, GitCli git) throws IOException {
        Path dir = repo.workTree();
        Map<String, String> env = environment(author);
        if (!plan.paths().isEmpty()) {
            // --add for new files, --remove for one deleted since the guards looked (as JGit's add records it)
            check(git.feed(dir, STALL, env, nulList(plan.paths()), "update-index", "--add", "--remove", "-z", "--stdin"), "update-index");
        }
        if (!plan.deletions().isEmpty()) {
            check(git.feed(dir, STALL, env, nulList(plan.deletions()), "update-index", "--force-remove", "-z", "--stdin"), "update-index");
        }
        Optional<String> head = repo.head();
        String base = head.orElse(EMPTY_TREE);
        String nameStatus = check(git.feed(dir, STALL, env, new byte[0], "diff-index", "--cached", "-z", "--name-status", "-M", base), "diff-index");
        if (nameStatus.isEmpty()) {
            return Optional.empty();
        }
        String numstat = check(git.feed(dir, STALL, env, new byte[0], numstatArgs(base, nameStatus)), "diff-index");
        ChangeSummary summary = ChangeSummary.fromGit(nameStatus, numstat);
        String tree = check(git.run(dir, STALL, env, "write-tree"), "write-tree").strip();
        String text = message.apply(summary);
        String[] commitTree = head.map(h -> new String[]{"commit-tree", tree, "-p", h, "-F", "-"}).orElse(new String[]{"commit-tree", tree, "-F", "-"});
        String commit = check(git.feed(dir, STALL, env, text.getBytes(StandardCharsets.UTF_8), commitTree), "commit-tree").strip();
        String firstLine = text.lines().findFirst().orElse("");
        // the old value makes it a compare-and-swap: a commit made by hand meanwhile fails this, it is not overwritten
        check(git.run(dir, STALL, env, "update-ref", "-m", (head.isPresent() ? "commit: " : "commit (initial): ") + firstLine, "HEAD", commit,
                head.orElse("0".repeat(40))), "update-ref");
        return Optional.of(new Committer.Committed(commit, summary));
    }

    /** Line counts for the first {@value #LINE_COUNT_LIMIT} files only, as the JGit path counts them. */
    private static String[] numstatArgs(String base, String nameStatus) {
        List<String> args = new java.util.ArrayList<>(List.of("diff-index", "--cached", "-z", "--numstat", "-M", base));
        List<String> paths = new java.util.ArrayList<>();
        for (ChangeSummary.GitEntry e : ChangeSummary.GitEntry.parse(nameStatus)) {
            paths.add(e.path());
            if (e.target() != null) {
                paths.add(e.target());
            }
        }
        if (paths.size() > LINE_COUNT_LIMIT) {
            args.add("--");
            args.addAll(paths.subList(0, LINE_COUNT_LIMIT));
        }
        return args.toArray(String[]::new);
    }

    /** Literal paths (no pathspec magic in a file name), and the author and committer as JGit would stamp them. */
    private static Map<String, String> environment(PersonIdent author) {
        Map<String, String> env = new HashMap<>();
        env.put("GIT_LITERAL_PATHSPECS", "1");
        String date = author.getWhenAsInstant().getEpochSecond() + " " + offset(author.getZoneOffset());
        env.put("GIT_AUTHOR_NAME", author.getName());
        env.put("GIT_AUTHOR_EMAIL", author.getEmailAddress());
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_NAME", author.getName());
        env.put("GIT_COMMITTER_EMAIL", author.getEmailAddress());
        env.put("GIT_COMMITTER_DATE", date);
        return env;
    }

    private static String offset(ZoneOffset zone) {
        int minutes = zone.getTotalSeconds() / 60;
        return String.format(java.util.Locale.ROOT, "%s%02d%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    private static byte[] nulList(java.util.Collection<String> paths) {
        StringBuilder b = new StringBuilder();
        for (String p : new java.util.TreeSet<>(paths)) {
            b.append(p).append('\0');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String check(GitCli.Result result, String step) throws IOException {
        if (!result.ok()) {
            throw new IOException("committing failed: git " + step + " said "
                    + HookOutput.lastLine(result.stderr()).orElse("nothing (exit " + result.exitCode() + ")"));
        }
        return result.stdout();
    }
}
