package dev.tidesync.torture;

import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictFile;
import dev.tidesync.git.resolve.ConflictResolver;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two machines change the same thing in clashing ways; the laptop syncs first, then the
 * desktop. Every case must end reported (a conflict naming the path, or a clean combination),
 * with both sides' content still somewhere the user can reach, and again after "keep both".
 */
class ConflictMatrixTest {

    @TempDir
    Path dir;

    /** One clash: the shared starting point, then what each machine does to it. */
    enum Clash {
        EDIT_EDIT {
            void base(Path m) throws IOException { write(m, "f.md", "one\ntwo\n"); }
            void laptop(Path m) throws IOException { write(m, "f.md", "one\nlaptop\n"); }
            void desktop(Path m) throws IOException { write(m, "f.md", "one\ndesktop\n"); }
        },
        EDIT_DELETE {
            void base(Path m) throws IOException { write(m, "f.md", "one\n"); }
            void laptop(Path m) throws IOException { write(m, "f.md", "laptop edited\n"); }
            void desktop(Path m) throws IOException { Files.delete(m.resolve("f.md")); }
        },
        DELETE_EDIT {
            void base(Path m) throws IOException { write(m, "f.md", "one\n"); }
            void laptop(Path m) throws IOException { Files.delete(m.resolve("f.md")); }
            void desktop(Path m) throws IOException { write(m, "f.md", "desktop edited\n"); }
        },
        RENAME_EDIT {
            void base(Path m) throws IOException { write(m, "f.md", "a long enough line\nfor rename detection\n"); }
            void laptop(Path m) throws IOException { Files.move(m.resolve("f.md"), m.resolve("g.md")); }
            void desktop(Path m) throws IOException { write(m, "f.md", "a long enough line\nfor rename detection\ndesktop\n"); }
        },
        ADD_ADD {
            void base(Path m) throws IOException { write(m, "other.md", "x\n"); }
            void laptop(Path m) throws IOException { write(m, "new.md", "laptop's new file\n"); }
            void desktop(Path m) throws IOException { write(m, "new.md", "desktop's new file\n"); }
        },
        FILE_DIRECTORY {
            void base(Path m) throws IOException { write(m, "other.md", "x\n"); }
            void laptop(Path m) throws IOException { write(m, "thing", "laptop made a file\n"); }
            void desktop(Path m) throws IOException { write(m, "thing/inside.md", "desktop made a folder\n"); }
        },
        BINARY {
            void base(Path m) throws IOException { Files.write(m.resolve("pic.bin"), new byte[] {0, 1, 2, 3, 4}); }
            void laptop(Path m) throws IOException { Files.write(m.resolve("pic.bin"), new byte[] {0, 1, 'L', 0, 9}); }
            void desktop(Path m) throws IOException { Files.write(m.resolve("pic.bin"), new byte[] {0, 'D', 2, 0, 7, 7}); }
        },
        LINE_ENDINGS {
            void base(Path m) throws IOException { write(m, "f.txt", "one\ntwo\nthree\n"); }
            void laptop(Path m) throws IOException { write(m, "f.txt", "one\r\ntwo\r\nthree\r\n"); }
            void desktop(Path m) throws IOException { write(m, "f.txt", "one\ntwo, edited\nthree\n"); }
        };

        abstract void base(Path m) throws IOException;

        abstract void laptop(Path m) throws IOException;

        abstract void desktop(Path m) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(Clash.class)
    void everyClashIsReportedAndNeitherSideLosesAnything(Clash clash) throws Exception {
        GitFixture fx = new GitFixture(dir);
        Path laptop = fx.machine("laptop");
        clash.base(laptop);
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        Path desktop = fx.machine("desktop");
        clash.laptop(laptop);
        List<byte[]> laptopContent = contents(laptop);
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        clash.desktop(desktop);
        List<byte[]> desktopContent = contents(desktop);

        SyncOutcome outcome = fx.sync(desktop);

        assertThat(outcome.result()).as(outcome.message()).isIn(SyncResult.CONFLICT, SyncResult.OK);
        if (outcome.result() == SyncResult.CONFLICT) {
            assertThat(outcome.conflictPaths()).as("the conflict names its files").isNotEmpty();
            assertThat(outcome.message()).contains(outcome.conflictPaths().getFirst());
        }
        int lost = missing(desktop, fx.remote(), laptopContent) + missing(desktop, fx.remote(), desktopContent);
        GitFixture.assertHealthy(desktop);
        assertThat(desktop.resolve(".git/rebase-merge")).doesNotExist();
        assertThat(desktop.resolve(".git/index.lock")).doesNotExist();

        String end = outcome.result() == SyncResult.CONFLICT ? "conflict reported: " + String.join(", ", outcome.conflictPaths())
                : "combined cleanly";
        if (outcome.result() == SyncResult.CONFLICT) {
            keepBoth(desktop);
            SyncOutcome after = fx.sync(desktop);
            assertThat(after.result()).as(after.message()).isEqualTo(SyncResult.OK);
            lost += notInTree(fx.remote(), laptopContent) + notInTree(fx.remote(), desktopContent);
            end += "; after \"keep both\" the remote's branch holds both versions";
        }
        Torture.result("conflict: " + clash.name().toLowerCase().replace('_', '/'), 1, lost, end);
        assertThat(lost).as("versions lost").isZero();
    }

    /** Resolves every conflicting file with "keep both", as the app's button does. */
    private static void keepBoth(Path desktop) throws Exception {
        ConflictResolver resolver = new ConflictResolver(new BackupRefs(20));
        try (GitRepo repo = GitRepo.open(desktop)) {
            Conflicts conflicts = resolver.inspect(repo, List.of()).orElseThrow();
            Map<String, Choice> choices = new HashMap<>();
            for (ConflictFile f : conflicts.files()) {
                choices.put(f.path(), Choice.BOTH);
            }
            resolver.resolve(repo, conflicts, dev.tidesync.git.resolve.Resolution.wholes(choices), dev.tidesync.git.Identity.of("Desk Top", "desk@example.org", java.time.Clock.systemUTC()), "desktop",
                    LocalDate.of(2026, 11, 23));
        }
    }

    /** Every non-empty file in the work tree, as bytes: what this side wrote. */
    private static List<byte[]> contents(Path machine) throws IOException {
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(machine)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !machine.relativize(f).startsWith(".git")).toList()) {
                all.add(Files.readAllBytes(f));
            }
        }
        return all;
    }

    /**
     * How many of {@code versions} cannot be found: neither as a file in {@code workTree} (when it
     * is a work tree) nor as a blob reachable from any ref of {@code repo} (branches, the remote's,
     * Tidesync's backups).
     */
    private static int missing(Path workTreeOrBare, Path remote, List<byte[]> versions) throws Exception {
        List<byte[]> onDisk = Files.isDirectory(workTreeOrBare.resolve(".git")) ? contents(workTreeOrBare) : List.of();
        String reachable = git(workTreeOrBare, "rev-list", "--objects", "--all") + git(remote, "rev-list", "--objects", "--all");
        int lost = 0;
        for (byte[] v : versions) {
            boolean inTree = onDisk.stream().anyMatch(d -> java.util.Arrays.equals(d, v));
            boolean inHistory = reachable.contains(blobId(v));
            if (!inTree && !inHistory) {
                System.err.println("LOST: " + new String(v, StandardCharsets.UTF_8));
                lost++;
            }
        }
        return lost;
    }

    /** How many of {@code versions} are not a file of the remote's main branch as it is now. */
    private static int notInTree(Path bare, List<byte[]> versions) throws Exception {
        String tree = git(bare, "ls-tree", "-r", "main");
        int lost = 0;
        for (byte[] v : versions) {
            if (!tree.contains(blobId(v))) {
                System.err.println("NOT ON THE REMOTE: " + new String(v, StandardCharsets.UTF_8));
                lost++;
            }
        }
        return lost;
    }

    private static String blobId(byte[] content) {
        return new org.eclipse.jgit.lib.ObjectInserter.Formatter().idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, content).name();
    }
}
