package dev.tidesync.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.fixture.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loose objects are packed by git's own `gc --auto`, not by JGit in the middle of a sync. */
class HousekeepingTest {

    @TempDir
    Path tmp;
    Path machine;
    GitCli git;

    @BeforeEach
    void aRepositoryWithMoreLooseObjectsThanGitTolerates() throws Exception {
        GitFixture fx = new GitFixture(tmp);
        machine = fx.machine("laptop");
        GitFixture.git(machine, "config", "gc.autoDetach", "false"); // so the spec sees git's gc finish
        for (int i = 0; i < 7500; i++) { // committed, so reachable: git's gc packs them (a blob and more per file)
            GitFixture.write(machine, "notes/d" + (i % 40) + "/n" + i + ".md", "note " + i + "\n");
        }
        GitFixture.git(machine, "add", "-A");
        GitFixture.git(machine, "-c", "gc.auto=0", "commit", "-q", "-m", "many notes"); // git packs them itself otherwise
        git = GitCli.find(Map.of()).orElseThrow();
        assertThat(looseObjects()).isGreaterThan(7500);
    }

    @Test
    void jgitLeavesItsAutoGcToGit() throws Exception {
        try (GitRepo repo = GitRepo.open(machine)) {
            Housekeeping.leaveToGit(repo);
            repo.repository().autoGC(NullProgressMonitor.INSTANCE); // what every JGit fetch ends with

            assertThat(looseObjects()).as("nothing packed in our process").isGreaterThan(7500);
            assertThat(GitFixture.read(machine, ".git/config")).doesNotContain("auto = 0");
        }
    }

    @Test
    void gitPacksThemWhenItsEstimateSaysSo() throws Exception {
        try (GitRepo repo = GitRepo.open(machine)) {
            Housekeeping.tidyIfDue(repo, git);
        }

        assertThat(looseObjects()).isLessThan(100);
        try (Stream<Path> packs = Files.list(machine.resolve(".git/objects/pack"))) {
            assertThat(packs.filter(f -> f.toString().endsWith(".pack"))).isNotEmpty();
        }
        GitFixture.assertHealthy(machine);
    }

    private long looseObjects() throws Exception {
        try (Stream<Path> files = Files.walk(machine.resolve(".git/objects"))) {
            return files.filter(f -> f.getParent().getFileName().toString().matches("[0-9a-f]{2}")).count();
        }
    }
}
