package dev.tidesync.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cheap sign that git's own state in a repository changed: the size and time of the index,
 * HEAD, the refs and the files an operation in progress leaves, read with a few stat calls and
 * no git status. Equal signs mean no git command (a commit, a checkout, a fetch, a rebase) ran
 * in between; edits in the work tree are the watcher's to tell. Empty where the layout is not
 * the plain one (a linked work tree, a submodule's .git file, submodules of its own): then only
 * a full read can tell.
 */
public final class GitFingerprint {

    private static final List<String> FILES = List.of("index", "HEAD", "packed-refs", "FETCH_HEAD", "ORIG_HEAD", "MERGE_HEAD",
            "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply", "config");

    private GitFingerprint() {}

    public static Optional<String> of(Path workTree) {
        Path git = workTree.resolve(".git");
        if (!Files.isDirectory(git) || Files.exists(workTree.resolve(".gitmodules"))) {
            return Optional.empty();
        }
        StringBuilder sign = new StringBuilder();
        try {
            for (String name : FILES) {
                stamp(sign, git.resolve(name));
            }
            try (Stream<Path> refs = Files.walk(git.resolve("refs"))) {
                for (Path p : (Iterable<Path>) refs.sorted()::iterator) {
                    stamp(sign, p);
                }
            }
            stamp(sign, workTree.resolve(dev.tidesync.model.FreezeMarker.NAME));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty(); // changing under our feet: read it in full
        }
        return Optional.of(sign.toString());
    }

    private static void stamp(StringBuilder sign, Path p) throws IOException {
        sign.append(p.getFileName()).append(':');
        if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            sign.append(a.size()).append('@').append(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        } else {
            sign.append('-');
        }
        sign.append(';');
    }
}
