package dev.tidesync.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesync.fixture.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large commit goes to git's plumbing, and comes out as the very commit JGit would have made:
 * the same tree, parent, author, time and message, so the same id, and the same summary.
 */
class CliCommitTest {

    @TempDir
    Path tmp;
    GitFixture fx;
    Path viaGit;
    Path viaJGit;
    Optional<GitCli> git;
    final Identity author = Identity.of("Ada", "ada@example.com",
            Clock.fixed(Instant.parse("2026-12-06T10:15:30Z"), ZoneId.of("Europe/Berlin")));

    @BeforeEach
    void twoMachinesOnOneRemote() throws Exception {
        fx = new GitFixture(tmp);
        Path seed = fx.machine("seed");
        for (int i = 0; i < 5; i++) {
            GitFixture.write(seed, "notes/n" + i + ".md", "line one\nline two\n");
        }
        GitFixture.write(seed, "old name.md", "a file that will be renamed\nwith enough lines\nto be seen as the same\n");
        GitFixture.git(seed, "add", "-A");
        GitFixture.git(seed, "commit", "-q", "-m", "seed");
        GitFixture.git(seed, "push", "-q", "origin", "HEAD:main");
        viaGit = fx.machine("via-git");
        viaJGit = fx.machine("via-jgit");
        git = GitCli.find(Map.of());
        assertThat(git).as("the installed git").isPresent();
    }

    @Test
    void aCommitOfManyFilesThroughGitIsTheCommitJGitWouldHaveMade() throws Exception {
        CommitPlan plan = null;
        for (Path machine : new Path[]{viaGit, viaJGit}) {
            plan = manyChanges(machine);
        }
        assertThat(CliCommit.suits(open(viaGit), plan, git)).as("%d paths go to git", plan.paths().size()).isTrue();

        Committer.Committed byGit = commit(viaGit, plan, git);
        Committer.Committed byJGit = commit(viaJGit, plan, Optional.empty());

        assertThat(byGit.commitId()).isEqualTo(byJGit.commitId());
        assertThat(byGit.summary().files()).isEqualTo(byJGit.summary().files()).contains("D notes/n1.md", "M notes/n0.md",
                "R old name.md -> new name.md", "A many/f0599.txt");
        assertThat(byGit.summary().folders()).isEqualTo(byJGit.summary().folders());
        assertThat(GitFixture.git(viaGit, "status", "--porcelain")).isEmpty();
        assertThat(GitFixture.git(viaGit, "reflog", "-1", "--format=%gs")).startsWith("commit: ");
        GitFixture.assertHealthy(viaGit);
    }

    @Test
    void theLinesComeAndGoAsJGitCountsThem() throws Exception {
        Set<String> paths = new HashSet<>();
        for (Path machine : new Path[]{viaGit, viaJGit}) {
            GitFixture.write(machine, "notes/n0.md", "line one\nchanged\nadded\n");
            GitFixture.write(machine, "notes/n2.md", "only line\n");
            Files.write(machine.resolve("picture.bin"), new byte[]{0, 1, 2, 0, 3});
        }
        paths.addAll(Set.of("notes/n0.md", "notes/n2.md", "picture.bin"));
        CommitPlan plan = new CommitPlan(paths, Set.of(), Set.of());

        ChangeSummary byGit = CliCommit.commit(open(viaGit), plan, s -> s.headline(), author.person(), git.orElseThrow()).orElseThrow().summary();
        ChangeSummary byJGit = commit(viaJGit, plan, Optional.empty()).summary();

        assertThat(byGit).isEqualTo(byJGit);
        assertThat(byGit.headline()).isEqualTo("Update 3 files in the top folder, notes/ (+3/-3)");
    }

    @Test
    void aBranchMovedByHandMeanwhileIsNeverOverwritten() throws Exception {
        CommitPlan plan = manyChanges(viaGit);
        String before = GitFixture.git(viaGit, "rev-parse", "HEAD").strip();

        // the message is rendered between writing the tree and moving the branch: a commit by hand lands right then
        assertThatThrownBy(() -> CliCommit.commit(open(viaGit), plan, s -> {
            try {
                GitFixture.git(viaGit, "commit", "-q", "--allow-empty", "-m", "by hand");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return s.headline();
        }, author.person(), git.orElseThrow())).isInstanceOf(IOException.class).hasMessageContaining("update-ref");

        assertThat(GitFixture.log(viaGit, "HEAD")).startsWith("by hand");
        assertThat(GitFixture.git(viaGit, "rev-parse", "HEAD~1").strip()).isEqualTo(before);
        GitFixture.assertHealthy(viaGit);
    }

    @Test
    void smallCommitsInSmallTreesHooksAndSigningStayWithJGit() throws Exception {
        CommitPlan few = new CommitPlan(Set.of("notes/n0.md"), Set.of(), Set.of());
        assertThat(CliCommit.suits(open(viaGit), few, git)).isFalse();

        CommitPlan many = manyChanges(viaGit);
        assertThat(CliCommit.suits(open(viaGit), many, Optional.empty())).as("no git installed").isFalse();
        assertThat(CliCommit.suits(open(viaGit), new CommitPlan(many.paths(), Set.of(), Set.of("staged.md")), git))
                .as("the user's own staged entries stay staged").isFalse();

        Path hook = viaGit.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\nexit 0\n");
        hook.toFile().setExecutable(true);
        assertThat(CliCommit.suits(open(viaGit), many, git)).as("a pre-commit hook").isFalse();
        Files.delete(hook);

        GitFixture.git(viaGit, "config", "commit.gpgsign", "true");
        assertThat(CliCommit.suits(open(viaGit), many, git)).as("signed commits").isFalse();
    }

    @Test
    void theIndexSizeIsReadFromItsHeader() throws Exception {
        assertThat(CliCommit.indexEntries(viaGit.resolve(".git"))).isEqualTo(6);
        assertThat(CliCommit.indexEntries(tmp.resolve("nowhere"))).isZero();
    }

    /** 600 new files, an edit, a deletion and a rename, written in {@code machine}; the plan that commits them. */
    private static CommitPlan manyChanges(Path machine) throws IOException {
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            String path = "many/f%04d.txt".formatted(i);
            GitFixture.write(machine, path, "file " + i + "\n");
            paths.add(path);
        }
        GitFixture.write(machine, "notes/n0.md", "line one\nline two, changed\n");
        paths.add("notes/n0.md");
        Files.delete(machine.resolve("notes/n1.md"));
        Files.move(machine.resolve("old name.md"), machine.resolve("new name.md"));
        paths.add("new name.md");
        return new CommitPlan(paths, Set.of("notes/n1.md", "old name.md"), Set.of());
    }

    private Committer.Committed commit(Path machine, CommitPlan plan, Optional<GitCli> with) throws Exception {
        try (GitRepo repo = open(machine)) {
            return Committer.commit(repo, plan, s -> s.headline() + "\n\n" + s.fileList(5), author, with).orElseThrow();
        }
    }

    private static GitRepo open(Path machine) throws NotARepositoryException {
        return GitRepo.open(machine);
    }
}
