package dev.tidesync.git;

import static dev.tidesync.fixture.GitFixture.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.fixture.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull replaces files a person may be writing at that very moment. Whatever they wrote to a
 * file between the checkout's look at it and its replacement is kept: merged into the new
 * version, or kept beside it as this machine's copy, or the file itself when the pull deleted it.
 */
class CheckoutGuardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @TempDir
    Path dir;

    private Path work;
    private GitRepo repo;

    @BeforeEach
    void aRepositoryWithNotes() throws Exception {
        work = dir.resolve("laptop");
        git(dir, "init", "-q", "-b", "main", work.toString());
        git(work, "config", "user.name", "Laptop");
        git(work, "config", "user.email", "laptop@example.com");
        GitFixture.write(work, "notes.md", "first\nsecond\n");
        GitFixture.write(work, "other.md", "other\n");
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "seed");
        repo = GitRepo.open(work);
    }

    /** HEAD with {@code changes} applied (a null content deletes the file): what another machine pushed. */
    private RevCommit incoming(Map<String, String> changes) throws Exception {
        var r = repo.repository();
        try (RevWalk walk = new RevWalk(r); ObjectInserter inserter = r.newObjectInserter()) {
            RevCommit head = walk.parseCommit(r.resolve(Constants.HEAD));
            DirCache tree = DirCache.read(r.newObjectReader(), head.getTree());
            DirCacheEditor editor = tree.editor();
            for (var c : changes.entrySet()) {
                if (c.getValue() == null) {
                    editor.add(new DirCacheEditor.DeletePath(c.getKey()));
                    continue;
                }
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, c.getValue().getBytes(StandardCharsets.UTF_8));
                editor.add(new DirCacheEditor.PathEdit(c.getKey()) {
                    @Override
                    public void apply(DirCacheEntry e) {
                        e.setFileMode(FileMode.REGULAR_FILE);
                        e.setObjectId(blob);
                    }
                });
            }
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree.writeTree(inserter));
            commit.setParentId(head);
            PersonIdent desktop = new PersonIdent("Desktop", "desktop@example.com");
            commit.setAuthor(desktop);
            commit.setCommitter(desktop);
            commit.setMessage("from the desktop");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return walk.parseCommit(id);
        }
    }

    /** What a checkout does to a file, as JGit does it: the new version written beside it and renamed over it. */
    private void replace(String path, String content) throws Exception {
        Path temp = work.resolve("." + path + ".new");
        Files.writeString(temp, content);
        Files.move(temp, work.resolve(path), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void append(String path, String line) throws Exception {
        Files.writeString(work.resolve(path), line + "\n", StandardOpenOption.APPEND);
    }

    private void arm(RevCommit to) throws Exception {
        DirCache index = repo.repository().lockDirCache();
        try {
            CheckoutGuard.arm(repo, index, to.getTree(), "laptop", TODAY);
        } finally {
            index.unlock();
        }
    }

    @Test
    void aLineAppendedWhileThePullReplacedTheFileIsMergedIntoTheNewVersion() throws Exception {
        RevCommit to = incoming(Map.of("notes.md", "first\nsecond\nfrom the desktop\n"));
        arm(to);
        append("notes.md", "typed just then"); // after the checkout looked, before it renamed
        replace("notes.md", "first\nsecond\nfrom the desktop\n");

        List<String> kept = CheckoutGuard.settle(repo, "laptop", TODAY);

        assertThat(Files.readString(work.resolve("notes.md"))).isEqualTo("first\nsecond\nfrom the desktop\ntyped just then\n");
        assertThat(kept).containsExactly("Kept what was written to notes.md while the sync updated it");
        assertThat(work.resolve(".git/tidesync/guard")).doesNotExist();
    }

    @Test
    void anEditOfTheSameLinesIsKeptBesideTheNewVersionAsThisMachinesCopy() throws Exception {
        RevCommit to = incoming(Map.of("notes.md", "first\nchanged on the desktop\n"));
        arm(to);
        Files.writeString(work.resolve("notes.md"), "first\nchanged here\n"); // in place, as many editors save
        replace("notes.md", "first\nchanged on the desktop\n");

        List<String> kept = CheckoutGuard.settle(repo, "laptop", TODAY);

        assertThat(Files.readString(work.resolve("notes.md"))).isEqualTo("first\nchanged on the desktop\n");
        assertThat(Files.readString(work.resolve("notes (laptop's copy 2026-12-06).md"))).isEqualTo("first\nchanged here\n");
        assertThat(kept).containsExactly("Kept what was written to notes.md while the sync updated it as notes (laptop's copy 2026-12-06).md");
    }

    @Test
    void aFileWrittenWhileThePullDeletedItIsPutBack() throws Exception {
        RevCommit to = incoming(java.util.Collections.singletonMap("notes.md", null));
        arm(to);
        append("notes.md", "still writing");
        Files.delete(work.resolve("notes.md"));

        List<String> kept = CheckoutGuard.settle(repo, "laptop", TODAY);

        assertThat(Files.readString(work.resolve("notes.md"))).isEqualTo("first\nsecond\nstill writing\n");
        assertThat(kept).containsExactly("Kept notes.md, written while the sync was removing it");
    }

    @Test
    void aFileWrittenWhileThePullRemovedItsWholeFolderIsPutBackWithItsFolder() throws Exception {
        GitFixture.write(work, "plans/2027.md", "goals\n");
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "plans");
        RevCommit to = incoming(java.util.Collections.singletonMap("plans/2027.md", null));
        arm(to);
        append("plans/2027.md", "one more goal");
        Files.delete(work.resolve("plans/2027.md"));
        Files.delete(work.resolve("plans")); // a checkout removes the folder it emptied

        List<String> kept = CheckoutGuard.settle(repo, "laptop", TODAY);

        assertThat(Files.readString(work.resolve("plans/2027.md"))).isEqualTo("goals\none more goal\n");
        assertThat(kept).containsExactly("Kept plans/2027.md, written while the sync was removing it");
    }

    @Test
    void filesNobodyWroteToAreLeftAsThePullMadeThemAndAFileThePullDidNotReplaceIsNotTouched() throws Exception {
        RevCommit to = incoming(Map.of("notes.md", "new\n", "other.md", "other, changed\n"));
        arm(to);
        replace("notes.md", "new\n");
        append("other.md", "the checkout refused to replace this one"); // a conflict: the file stays the person's

        List<String> kept = CheckoutGuard.settle(repo, "laptop", TODAY);

        assertThat(kept).isEmpty();
        assertThat(Files.readString(work.resolve("notes.md"))).isEqualTo("new\n");
        assertThat(Files.readString(work.resolve("other.md"))).isEqualTo("other\nthe checkout refused to replace this one\n");
    }

    @Test
    void aGuardLeftByACrashIsSettledByTheNextCycle() throws Exception {
        RevCommit to = incoming(Map.of("notes.md", "first\nsecond\nfrom the desktop\n"));
        arm(to);
        append("notes.md", "typed as the engine was killed");
        replace("notes.md", "first\nsecond\nfrom the desktop\n");

        BranchMove.recover(repo);

        assertThat(Files.readString(work.resolve("notes.md"))).endsWith("from the desktop\ntyped as the engine was killed\n");
        assertThat(work.resolve(".git/tidesync/guard")).doesNotExist();
    }

    /**
     * The race itself, through the one way Tidesync moves a branch: someone appends a line to a
     * file every few milliseconds while pulls that change the same file are checked out, over and
     * over. Every line they wrote is there at the end.
     */
    @Test
    void noLineAppendedDuringRepeatedPullsIsLost() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failed = new ArrayList<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int n = 0; !stop.get(); n++) {
                try {
                    append("notes.md", "typed-" + n);
                    written.add("typed-" + n);
                    Thread.sleep(4 + n % 12);
                } catch (Exception e) {
                    failed.add(e);
                    return;
                }
            }
        });
        BackupRefs backups = new BackupRefs(BackupRefs.KEEP);
        int moved = 0;
        long start = System.nanoTime();
        for (int k = 0; System.nanoTime() - start < 3_000_000_000L || moved < 5 && System.nanoTime() - start < 60_000_000_000L; k++) {
            try (GitRepo fresh = GitRepo.open(work)) {
                fresh.git().add().addFilepattern("notes.md").call();
                fresh.git().commit().setMessage("typed").call();
                repo = fresh;
                RevCommit head = new RevWalk(fresh.repository()).parseCommit(fresh.repository().resolve(Constants.HEAD));
                String committed = new String(fresh.repository().open(org.eclipse.jgit.treewalk.TreeWalk.forPath(fresh.repository(),
                        "notes.md", head.getTree()).getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                RevCommit to = incoming(Map.of("notes.md", "from the desktop " + k + "\n" + committed, "other.md", "other " + k + "\n"));
                if (BranchMove.apply(fresh, backups, "refs/heads/main", head, to, "rebase", 1, 0) instanceof Integration.Moved) {
                    moved++;
                }
            }
        }
        stop.set(true);
        writer.join();

        List<String> lines = Files.readAllLines(work.resolve("notes.md"));
        assertThat(failed).isEmpty();
        assertThat(moved).as("pulls that replaced the file while it was written").isGreaterThanOrEqualTo(5);
        assertThat(written).as("every line written is in the file").allMatch(lines::contains);
    }
}
