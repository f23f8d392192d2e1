package dev.tidesync.git.resolve;

import dev.tidesync.git.CopyName;
import static dev.tidesync.fixture.GitFixture.assertHealthy;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.read;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.resolve.ConflictFile.Kind;
import dev.tidesync.model.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import dev.tidesync.git.Identity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving a stopped sync file by file, and undoing a sync, on real clones of a real bare remote. */
class ConflictResolverTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Identity WHO = Identity.of("Desk Top", "desk@example.org", java.time.Clock.systemUTC());

    @TempDir
    Path tmp;

    GitFixture fx;
    Path laptop;
    Path desktop;
    ConflictResolver resolver = new ConflictResolver(new BackupRefs(20));

    @BeforeEach
    void bothMachinesEditTheSameFiles() throws Exception {
        fx = new GitFixture(tmp);
        laptop = fx.machine("laptop");
        write(laptop, "notes.md", "shared\n");
        write(laptop, "todo.txt", "shared\n");
        write(laptop, "bin.dat", "\0\1shared");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        desktop = fx.machine("desktop");
        write(laptop, "notes.md", "laptop's notes\n");
        write(laptop, "todo.txt", "laptop's todo\n");
        Files.delete(laptop.resolve("bin.dat"));
        write(laptop, "laptop-only.md", "no conflict here\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        write(desktop, "notes.md", "desktop's notes\n");
        write(desktop, "todo.txt", "desktop's todo\n");
        write(desktop, "bin.dat", "\0\2desktop");
        write(desktop, "desktop-only.md", "nor here\n");
        assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.CONFLICT);
    }

    Conflicts conflicts() throws Exception {
        try (GitRepo repo = GitRepo.open(desktop)) {
            return resolver.inspect(repo, List.of()).orElseThrow();
        }
    }

    Resolved resolve(Map<String, Choice> choices) throws Exception {
        try (GitRepo repo = GitRepo.open(desktop)) {
            return resolver.resolve(repo, conflicts(), Resolution.wholes(choices), WHO, "desktop", TODAY);
        }
    }

    @Test
    void listsEachConflictingFileWithWhatHappenedOnEachSide() throws Exception {
        Conflicts c = conflicts();

        assertThat(c.remote()).isEqualTo("origin/main");
        assertThat(c.files()).containsExactly(
                new ConflictFile("bin.dat", Kind.DELETED_THERE, true),
                new ConflictFile("notes.md", Kind.BOTH_CHANGED, false),
                new ConflictFile("todo.txt", Kind.BOTH_CHANGED, false));
    }

    @Test
    void eachFileEndsAsChosenAndTheNextSyncPublishesIt() throws Exception {
        Resolved r = resolve(Map.of("notes.md", Choice.MINE, "todo.txt", Choice.THEIRS, "bin.dat", Choice.BOTH));

        assertThat(read(desktop, "notes.md")).isEqualTo("desktop's notes\n");
        assertThat(read(desktop, "todo.txt")).isEqualTo("laptop's todo\n");
        assertThat(desktop.resolve("bin.dat")).as("deleted on the remote").doesNotExist();
        assertThat(r.copies()).isEqualTo(Map.of("bin.dat", "bin (desktop's copy 2026-11-23).dat"));
        assertThat(read(desktop, "bin (desktop's copy 2026-11-23).dat")).isEqualTo("\0\2desktop");
        assertThat(read(desktop, "laptop-only.md")).isEqualTo("no conflict here\n");
        assertThat(read(desktop, "desktop-only.md")).isEqualTo("nor here\n");
        assertThat(git(desktop, "status", "--porcelain")).isEmpty();
        assertThat(git(desktop, "log", "-1", "--format=%P").strip().split(" ")).as("a merge of both sides").hasSize(2);
        assertThat(git(desktop, "log", "-1", "--format=%s").strip()).isEqualTo("Resolve conflict with origin/main");

        assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.OK);
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        assertThat(read(laptop, "notes.md")).isEqualTo("desktop's notes\n");
        assertThat(read(laptop, "bin (desktop's copy 2026-11-23).dat")).isEqualTo("\0\2desktop");
        assertHealthy(desktop);
        assertHealthy(fx.remote());
    }

    @Test
    void keepingBothPutsTheRemoteVersionInPlaceAndMineBesideIt() throws Exception {
        Resolved r = resolve(Map.of("notes.md", Choice.BOTH, "todo.txt", Choice.BOTH, "bin.dat", Choice.MINE));

        assertThat(read(desktop, "notes.md")).isEqualTo("laptop's notes\n");
        assertThat(read(desktop, "notes (desktop's copy 2026-11-23).md")).isEqualTo("desktop's notes\n");
        assertThat(read(desktop, "todo (desktop's copy 2026-11-23).txt")).isEqualTo("desktop's todo\n");
        assertThat(read(desktop, "bin.dat")).as("kept mine over the remote's deletion").isEqualTo("\0\2desktop");
        assertThat(r.message()).contains("kept both of notes.md (mine is notes (desktop's copy 2026-11-23).md)");
    }

    @Test
    void aFileWithoutAChoiceIsRefusedAndNothingChanges() throws Exception {
        String head = git(desktop, "rev-parse", "HEAD");

        assertThatThrownBy(() -> resolve(Map.of("notes.md", Choice.MINE)))
                .isInstanceOf(ResolveException.class).hasMessageContaining("bin.dat");
        assertThat(git(desktop, "rev-parse", "HEAD")).isEqualTo(head);
    }

    @Test
    void aBranchThatMovedSinceTheDialogOpenedIsRefused() throws Exception {
        Conflicts shown = conflicts();
        write(desktop, "later.md", "committed after the dialog opened\n");
        git(desktop, "add", "later.md");
        git(desktop, "commit", "-qm", "later");

        try (GitRepo repo = GitRepo.open(desktop)) {
            assertThatThrownBy(() -> resolver.resolve(repo, shown,
                    Resolution.wholes(Map.of("notes.md", Choice.MINE, "todo.txt", Choice.MINE, "bin.dat", Choice.MINE)), WHO, "desktop", TODAY))
                    .isInstanceOf(ResolveException.class).hasMessageContaining("moved");
        }
    }

    @Test
    void uncommittedEditsAreNeverOverwritten() throws Exception {
        write(desktop, "todo.txt", "typed after the conflict\n");

        assertThatThrownBy(() -> resolve(Map.of("notes.md", Choice.MINE, "todo.txt", Choice.THEIRS, "bin.dat", Choice.MINE)))
                .isInstanceOf(ResolveException.class).hasMessageContaining("todo.txt");
        assertThat(read(desktop, "todo.txt")).isEqualTo("typed after the conflict\n");
    }

    @Test
    void undoingTheResolutionBringsBackTheFilesAsTheyWereAndCanItselfBeUndone() throws Exception {
        resolve(Map.of("notes.md", Choice.THEIRS, "todo.txt", Choice.THEIRS, "bin.dat", Choice.THEIRS));
        assertThat(read(desktop, "notes.md")).isEqualTo("laptop's notes\n");
        SyncUndo undo = new SyncUndo(new BackupRefs(20));

        try (GitRepo repo = GitRepo.open(desktop)) {
            assertThat(undo.check(repo)).get().extracting(SyncUndo.Undoable::what).isEqualTo("resolve conflict");
            undo.undo(repo, WHO);
        }
        assertThat(read(desktop, "notes.md")).isEqualTo("desktop's notes\n");
        assertThat(read(desktop, "bin.dat")).isEqualTo("\0\2desktop");
        assertThat(desktop.resolve("laptop-only.md")).doesNotExist();

        try (GitRepo repo = GitRepo.open(desktop)) {
            undo.undo(repo, WHO);
        }
        assertThat(read(desktop, "notes.md")).isEqualTo("laptop's notes\n");
        assertThat(read(desktop, "laptop-only.md")).isEqualTo("no conflict here\n");
        assertThat(git(desktop, "status", "--porcelain")).isEmpty();
        assertHealthy(desktop);
    }

    @Test
    void aCommitOfMyOwnIsNotASyncToUndo() throws Exception {
        write(desktop, "mine.md", "x\n");
        git(desktop, "add", "mine.md");
        git(desktop, "commit", "-qm", "by hand");

        try (GitRepo repo = GitRepo.open(desktop)) {
            assertThat(new SyncUndo(new BackupRefs(20)).check(repo)).isEmpty();
            assertThatThrownBy(() -> new SyncUndo(new BackupRefs(20)).undo(repo, WHO))
                    .isInstanceOf(ResolveException.class).hasMessageContaining("nothing to undo");
        }
    }

    @Test
    void copyNamesKeepTheExtensionAndNeverCollide() {
        assertThat(CopyName.free("a/notes.md", "laptop", TODAY, java.util.Set.of())).isEqualTo("a/notes (laptop's copy 2026-11-23).md");
        assertThat(CopyName.free(".bashrc", "laptop", TODAY, java.util.Set.of())).isEqualTo(".bashrc (laptop's copy 2026-11-23)");
        assertThat(CopyName.free("x.md", "l", TODAY, java.util.Set.of("x (l's copy 2026-11-23).md")))
                .isEqualTo("x (l's copy 2026-11-23 2).md");
    }
}
