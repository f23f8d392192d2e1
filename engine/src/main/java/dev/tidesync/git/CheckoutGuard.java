package dev.tidesync.git;

import dev.tidesync.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.merge.ContentMergeStrategy;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Keeps what a person writes while a pull replaces their files. A checkout looks at each file,
 * finds it as the index says, and a moment later renames the new version over it: a line appended
 * in between (an agent's append, an editor writing in place) went away with the old file (git's
 * own checkout has the same window; a background pull makes it everyday). So before the checkout
 * every file it may replace or delete is hard-linked into {@code .git/tidesync/guard}, which
 * keeps the old file reachable, and afterwards each is looked at again: one that was written
 * meanwhile and then replaced is merged with the new version (the old, the person's and the new
 * text, three ways), or, where both changed the same lines or it is not text, kept beside it as
 * this machine's copy. The next sync commits either. A crash leaves the links and their list
 * behind, and the next cycle settles them the same way.
 *
 * <p>Not covered: an editor that saves by renaming a new file into place in that same
 * millisecond; its file is unlinked by the checkout's rename before anyone can look.
 */
public final class CheckoutGuard {

    /** What tells a file was written to: its size and modification time, in nanoseconds. */
    private record Stamp(long size, long modifiedNanos) {
        static Stamp of(Path file) throws IOException {
            return of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        }

        static Stamp of(BasicFileAttributes attrs) {
            java.time.Instant t = attrs.lastModifiedTime().toInstant();
            return new Stamp(attrs.size(), t.getEpochSecond() * 1_000_000_000L + t.getNano());
        }
    }

    /** One guarded file: its link's name, its work-tree path, and the old file's stamp when it was linked. */
    private record Guarded(String link, String path, ObjectId expected, Stamp stamp) {
        String line() {
            return link + "\t" + expected.name() + "\t" + stamp.size() + "\t" + stamp.modifiedNanos() + "\t" + path;
        }

        static Optional<Guarded> parse(String line) {
            String[] f = line.split("\t", 5);
            if (f.length < 5 || !f[0].chars().allMatch(Character::isDigit) || !ObjectId.isId(f[1])) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Guarded(f[0], f[4], ObjectId.fromString(f[1]), new Stamp(Long.parseLong(f[2]), Long.parseLong(f[3]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private CheckoutGuard() {}

    static Path dir(GitRepo repo) {
        return repo.tidesyncDir().resolve("guard");
    }

    private static Path list(GitRepo repo) {
        return dir(repo).resolve("list");
    }

    /**
     * Links every work-tree file whose index entry differs from {@code to} (the files a checkout
     * to {@code to} replaces or deletes), and writes their list. A guard left by a crash is
     * settled first.
     */
    public static void arm(GitRepo repo, DirCache index, RevTree to, String host, LocalDate today) throws IOException {
        settle(repo, host, today);
        if ("false".equals(System.getProperty("tidesync.checkoutGuard"))) {
            return; // off only for bench/PullGuard's with-and-without, in the same run
        }
        List<Guarded> guarded = new ArrayList<>();
        Path dir = dir(repo);
        try (TreeWalk walk = new TreeWalk(repo.repository())) {
            walk.addTree(new DirCacheIterator(index));
            walk.addTree(to);
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue; // links and submodules hold no one's typing
                }
                Path file = repo.workTree().resolve(walk.getPathString());
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue; // not in the work tree: nothing to lose
                }
                if (!attrs.isRegularFile() || walk.getPathString().contains("\n")) {
                    continue; // a name with a line break does not fit the list: unguarded, as with git
                }
                if (guarded.isEmpty()) {
                    Files.createDirectories(dir);
                }
                Path link = dir.resolve(Integer.toString(guarded.size()));
                Files.deleteIfExists(link);
                try {
                    Files.createLink(link, file);
                } catch (IOException | UnsupportedOperationException e) {
                    continue; // a file system without hard links: this file goes unguarded, as with git
                }
                guarded.add(new Guarded(link.getFileName().toString(), walk.getPathString(), walk.getObjectId(0), Stamp.of(attrs)));
            }
        }
        if (!guarded.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            guarded.forEach(g -> lines.append(g.line()).append('\n'));
            AtomicFile.write(list(repo), lines.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Looks at every guarded file again and keeps what was written to it while it was being
     * replaced; then removes the guard. Returns what it kept, one sentence per file.
     */
    public static List<String> settle(GitRepo repo, String host, LocalDate today) throws IOException {
        Path dir = dir(repo);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        List<String> lines = Files.exists(list(repo)) ? Files.readAllLines(list(repo), StandardCharsets.UTF_8) : List.of();
        List<String> unsettled = new ArrayList<>();
        for (String line : lines) {
            Optional<Guarded> g = Guarded.parse(line);
            Path link = g.map(x -> dir.resolve(x.link())).orElse(null);
            if (g.isPresent() && Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    keep(repo, g.get(), link, host, today).ifPresent(kept::add);
                } catch (IOException e) {
                    unsettled.add(g.get().path());
                }
            }
        }
        if (!unsettled.isEmpty()) {
            // Never thrown away, never in the way of the next sync: the whole guard is set aside for the person.
            Path aside = dir.resolveSibling("guard-kept-" + System.currentTimeMillis());
            Files.move(dir, aside);
            kept.add("Could not put back what may have been written to " + String.join(", ", unsettled) + " during the sync; "
                    + "the files as they were are in " + aside);
            return kept;
        }
        // The list goes first: a crash in between leaves unlisted links, which are only removed.
        Files.deleteIfExists(list(repo));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
        return kept;
    }

    /** What became of one guarded file, when someone wrote to it while the checkout replaced it. */
    private static Optional<String> keep(GitRepo repo, Guarded g, Path link, String host, LocalDate today) throws IOException {
        Path file = repo.workTree().resolve(g.path());
        boolean present = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        if (present && Files.isSameFile(file, link)) {
            return Optional.empty(); // still the person's own file: the checkout did not replace it
        }
        if (Stamp.of(link).equals(g.stamp())) {
            return Optional.empty(); // replaced as it was: nothing written meanwhile
        }
        byte[] old;
        try (ObjectReader reader = repo.repository().newObjectReader()) {
            old = reader.open(g.expected()).getBytes(16 << 20);
        } catch (IOException | RuntimeException e) {
            old = null; // too large or unreadable: what was written is kept as a copy
        }
        return rejoin(repo, g.path(), old, link, host, today);
    }

    /**
     * Puts what someone wrote to a replaced file ({@code held}, over {@code base}) into the file
     * that replaced it. Writing the result is itself a replacement someone may write into, so it
     * is guarded the same way, for a few rounds.
     */
    private static Optional<String> rejoin(GitRepo repo, String path, byte[] base, Path held, String host, LocalDate today)
            throws IOException {
        Path file = repo.workTree().resolve(path);
        for (int round = 0; round < 10; round++) {
            byte[] written = Files.readAllBytes(held);
            Path next = held.resolveSibling(held.getFileName() + "-" + round);
            try {
                Files.createLink(next, file);
            } catch (java.nio.file.NoSuchFileException e) {
                // Put back whole (written and synced beside it first) and only where nothing is now: a link never overwrites.
                Path whole = held.resolveSibling("whole-" + round);
                AtomicFile.write(whole, written);
                Files.createDirectories(file.getParent()); // the pull may have removed the emptied folder
                try {
                    Files.createLink(file, whole);
                    return Optional.of("Kept " + path + ", written while the sync was removing it");
                } catch (java.nio.file.FileAlreadyExistsException created) {
                    continue; // someone made it meanwhile: merge into theirs
                }
            }
            Stamp before = Stamp.of(next);
            byte[] updated = Files.readAllBytes(next);
            Optional<byte[]> merged = base == null ? Optional.empty() : merge(base, written, updated);
            if (merged.isEmpty()) {
                return Optional.of(copy(repo, path, written, host, today));
            }
            AtomicFile.write(file, merged.get());
            if (Stamp.of(next).equals(before)) {
                return Optional.of("Kept what was written to " + path + " while the sync updated it");
            }
            base = updated; // written to while we merged: merge that too
            held = next;
        }
        return Optional.of(copy(repo, path, Files.readAllBytes(held), host, today)); // still being written: the latest beside it
    }

    private static String copy(GitRepo repo, String path, byte[] written, String host, LocalDate today) throws IOException {
        String copy = CopyName.free(path, host, today, p -> Files.exists(repo.workTree().resolve(p), LinkOption.NOFOLLOW_LINKS));
        AtomicFile.write(repo.workTree().resolve(copy), written);
        return "Kept what was written to " + path + " while the sync updated it as " + copy;
    }

    /**
     * The old text with both the person's and the new version's changes; empty when they changed
     * the same lines or one is not text.
     */
    private static Optional<byte[]> merge(byte[] old, byte[] mine, byte[] updated) {
        if (RawText.isBinary(old) || RawText.isBinary(mine) || RawText.isBinary(updated)) {
            return Optional.empty();
        }
        MergeAlgorithm algorithm = new MergeAlgorithm();
        MergeResult<RawText> result = algorithm.merge(RawTextComparator.DEFAULT, new RawText(old), new RawText(updated), new RawText(mine));
        if (result.containsConflicts()) {
            for (MergeChunk chunk : result) {
                if (chunk.getConflictState() == MergeChunk.ConflictState.BASE_CONFLICTING_RANGE && chunk.getEnd() > chunk.getBegin()) {
                    return Optional.empty(); // both changed the same lines
                }
            }
            // Both only added lines at the same place (two appends, most often): the new version's, then the person's.
            algorithm.setContentMergeStrategy(ContentMergeStrategy.UNION);
            result = algorithm.merge(RawTextComparator.DEFAULT, new RawText(old), new RawText(updated), new RawText(mine));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new MergeFormatter().formatMerge(out, result, List.of("base", "updated", "mine"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // an in-memory stream does not fail; if it did, the copy keeps everything
        }
        return Optional.of(out.toByteArray());
    }
}
