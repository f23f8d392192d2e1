package dev.tidesync.git;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.lib.ConfigConstants;

/**
 * Packing a repository's loose objects, the way git itself does it after a commit: {@code git gc
 * --auto}, which decides for itself whether anything is due and, by default, detaches. JGit runs
 * its auto-gc after every fetch, and in the foreground here (a detached JGit thread would die
 * with a CLI process and leave locks: {@link GitRepo}), so once 10 000 new files were loose it
 * held a sync for 0.9 s (ManyFiles, docs/benchmarks.md). With the installed git the work goes to
 * git's own process instead, which outlives ours.
 */
public final class Housekeeping {

    /** git's defaults: gc.auto loose objects, gc.autoPackLimit packs. */
    private static final int AUTO_LOOSE = 6700;
    private static final int AUTO_PACKS = 50;

    private Housekeeping() {}

    /** JGit leaves auto-gc to git for this repository handle (in memory only; the config file is untouched). */
    public static void leaveToGit(GitRepo repo) {
        repo.repository().getConfig().setInt(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTO, 0);
    }

    /**
     * Starts {@code git gc --auto} when git's own estimate says it could be due (a sample of one
     * of the 256 loose-object folders, as git takes it, or many packs), so a cycle that added a few
     * objects costs no process.
     */
    public static void tidyIfDue(GitRepo repo, GitCli git) {
        Path objects = repo.gitDir().resolve("objects");
        if (entries(objects.resolve("17"), "") * 256L <= AUTO_LOOSE && entries(objects.resolve("pack"), ".pack") <= AUTO_PACKS) {
            return;
        }
        try {
            git.run(repo.workTree(), Duration.ofMinutes(10), Map.of(), "gc", "--auto", "--quiet");
        } catch (IOException e) {
            // not done this time; the next cycle that adds objects asks again
        }
    }

    private static long entries(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (f.getFileName().toString().endsWith(suffix)) {
                    n++;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return n;
    }
}
