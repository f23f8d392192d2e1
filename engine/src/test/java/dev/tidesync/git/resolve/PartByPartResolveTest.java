package dev.tidesync.git.resolve;

import static dev.tidesync.fixture.GitFixture.assertHealthy;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.read;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.BackupRefs;
import dev.tidesync.git.GitRepo;
import dev.tidesync.git.Identity;
import dev.tidesync.model.SyncResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing per place where a text file's versions disagree: the commit holds exactly what the preview showed. */
class PartByPartResolveTest {

    static final Identity WHO = Identity.of("Desk Top", "desk@example.org", java.time.Clock.systemUTC());

    @TempDir
    Path tmp;

    GitFixture fx;
    Path laptop;
    Path desktop;
    ConflictResolver resolver = new ConflictResolver(new BackupRefs(20));

    @BeforeEach
    void bothMachinesEditTheSameLines() throws Exception {
        fx = new GitFixture(tmp);
        laptop = fx.machine("laptop");
        write(laptop, "plan.md", "# Plan\nmonday: write\ntuesday: read\nwednesday: rest\nthursday: write\nfriday: ship\n");
        write(laptop, "logo.png", "\u0089PNG\0\0shared");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        desktop = fx.machine("desktop");
        write(laptop, "plan.md", "# Plan\nmonday: write chapter 1\ntuesday: read\nwednesday: rest\nthursday: write\nfriday: ship it\n");
        write(laptop, "logo.png", "\u0089PNG\0\0laptop's logo");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        write(desktop, "plan.md", "# Plan for December\nmonday: edit\ntuesday: read\nwednesday: rest\nthursday: write\nfriday: release\n");
        Files.delete(desktop.resolve("logo.png"));
        assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.CONFLICT);
    }

    Conflicts conflicts() throws Exception {
        try (GitRepo repo = GitRepo.open(desktop)) {
            return resolver.inspect(repo, List.of()).orElseThrow();
        }
    }

    ConflictText plan() throws Exception {
        try (GitRepo repo = GitRepo.open(desktop)) {
            return resolver.text(repo, conflicts(), "plan.md").orElseThrow();
        }
    }

    Resolved resolve(Map<String, Resolution> choices) throws Exception {
        try (GitRepo repo = GitRepo.open(desktop)) {
            return resolver.resolve(repo, conflicts(), choices, WHO, "desktop", LocalDate.of(2026, 12, 6));
        }
    }

    @Test
    void aTextFileShowsEachPlaceBothMachinesChangedWithTheLinesOfEachSide() throws Exception {
        ConflictText plan = plan();

        assertThat(plan.disputes()).isEqualTo(2);
        assertThat(plan.parts().getFirst()).isEqualTo(new ConflictText.Disputed(1, List.of("# Plan", "monday: write"),
                List.of("# Plan for December", "monday: edit"), List.of("# Plan", "monday: write chapter 1")));
    }

    @Test
    void theCommittedFileIsThePreviewByteForByteAndTheNextSyncPublishesIt() throws Exception {
        List<HunkChoice> choices = List.of(HunkChoice.BOTH, HunkChoice.THEIRS);
        byte[] previewed = plan().merged(choices);
        Map<String, Resolution> all = new LinkedHashMap<>();
        all.put("plan.md", new Resolution.ByPart(choices));
        all.put("logo.png", new Resolution.Whole(Choice.THEIRS));

        Resolved r = resolve(all);

        assertThat(Files.readAllBytes(desktop.resolve("plan.md"))).isEqualTo(previewed);
        assertThat(read(desktop, "plan.md")).isEqualTo("# Plan for December\nmonday: edit\n# Plan\nmonday: write chapter 1\n"
                + "tuesday: read\nwednesday: rest\nthursday: write\nfriday: ship it\n");
        assertThat(r.message()).contains("merged plan.md part by part (1 both, 2 theirs)");
        assertThat(git(desktop, "status", "--porcelain")).isEmpty();
        assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.OK);
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        assertThat(Files.readAllBytes(laptop.resolve("plan.md"))).isEqualTo(previewed);
        assertHealthy(fx.remote());
    }

    @Test
    void theResolutionIsUndoneLikeAnyOther() throws Exception {
        resolve(Map.of("plan.md", new Resolution.ByPart(List.of(HunkChoice.THEIRS, HunkChoice.THEIRS)),
                "logo.png", new Resolution.Whole(Choice.MINE)));

        try (GitRepo repo = GitRepo.open(desktop)) {
            new SyncUndo(new BackupRefs(20)).undo(repo, WHO);
        }

        assertThat(read(desktop, "plan.md")).startsWith("# Plan for December\nmonday: edit\n");
    }

    @Test
    void aBinaryOrDeletedFileIsDescribedSideBySideAndCannotBeChosenByPart() throws Exception {
        try (GitRepo repo = GitRepo.open(desktop)) {
            assertThat(resolver.text(repo, conflicts(), "logo.png")).isEmpty();
            FileSides sides = resolver.sides(repo, conflicts(), "logo.png");
            assertThat(sides.mine()).isEqualTo("deleted");
            assertThat(sides.theirs()).isEqualTo("a PNG image of " + Files.size(laptop.resolve("logo.png")) + " bytes");
        }
        String head = git(desktop, "rev-parse", "HEAD");

        assertThatThrownBy(() -> resolve(Map.of("plan.md", new Resolution.Whole(Choice.MINE),
                "logo.png", new Resolution.ByPart(List.of(HunkChoice.MINE)))))
                .isInstanceOf(ResolveException.class).hasMessageStartingWith("logo.png cannot be merged part by part");
        assertThat(git(desktop, "rev-parse", "HEAD")).isEqualTo(head);
    }

    @Test
    void tooFewChoicesAreRefusedAndNothingChanges() throws Exception {
        String head = git(desktop, "rev-parse", "HEAD");

        assertThatThrownBy(() -> resolve(Map.of("plan.md", new Resolution.ByPart(List.of(HunkChoice.MINE)),
                "logo.png", new Resolution.Whole(Choice.MINE))))
                .isInstanceOf(ResolveException.class).hasMessageContaining("plan.md has 2 places");
        assertThat(git(desktop, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(read(desktop, "plan.md")).startsWith("# Plan for December");
    }
}
