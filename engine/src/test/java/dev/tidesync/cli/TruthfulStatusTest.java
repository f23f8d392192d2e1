package dev.tidesync.cli;

import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.fixture.InProcessCli;
import dev.tidesync.fixture.InProcessCli.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `status`, `sync` and `doctor` say is what git says: no "Up to date" for a repository that
 * cannot sync or did not, durations and times in one plain form, and the defaults the docs give.
 */
class TruthfulStatusTest {

    @TempDir
    Path tmp;

    GitFixture fx;
    InProcessCli cli;
    Path laptop;

    @BeforeEach
    void oneWatchedMachine() throws Exception {
        fx = new GitFixture(tmp);
        cli = new InProcessCli(tmp.resolve("tidesync-home"));
        laptop = fx.machine("laptop");
        write(laptop, "a.md", "a\n");
        assertThat(cli.run("add", laptop.toString()).code()).isZero();
        assertThat(cli.run("sync", laptop.toString()).code()).isZero();
    }

    private JsonNode statusOf(Path repo) throws Exception {
        for (JsonNode r : cli.run("status", "--json").json()) {
            if (Path.of(r.get("path").asText()).toRealPath().equals(repo.toRealPath())) {
                return r;
            }
        }
        throw new AssertionError(repo + " is not in status --json");
    }

    @Test
    void aRepositoryWithNoRemoteIsLocalOnlyAndDoctorSaysHowToAddOne() throws Exception {
        Path alone = tmp.resolve("alone");
        git(tmp, "init", "-q", "-b", "main", alone.toString());
        git(alone, "config", "user.name", "Alone");
        git(alone, "config", "user.email", "alone@example.com");
        write(alone, "journal.md", "today\n");
        cli.run("add", alone.toString());

        Run sync = cli.run("sync", alone.toString());
        JsonNode status = statusOf(alone);
        Run doctor = cli.run("doctor");

        assertThat(sync.code()).isZero();
        assertThat(sync.out()).contains("Committed locally").contains("no remote to sync with");
        assertThat(status.get("state").asText()).isEqualTo("local-only");
        assertThat(status.get("message").asText()).doesNotContain("Up to date").contains("git remote add origin");
        assertThat(doctor.out()).contains("alone: no remote to sync with").contains("git remote add origin URL");
    }

    @Test
    void aFrozenRepositoryIsFrozenAndItsMarkerIsNoChange() throws Exception {
        write(laptop, ".tidesync-freeze", "");
        write(laptop, "draft.md", "draft\n");

        JsonNode status = statusOf(laptop);
        Run sync = cli.run("sync", laptop.toString()); // a person's sync goes through a freeze, as through a pause

        assertThat(status.get("state").asText()).isEqualTo("frozen");
        assertThat(status.get("dirtyFiles").asInt()).as("the marker is not a change").isEqualTo(1);
        assertThat(sync.code()).isZero();
        assertThat(fx.remoteFile("draft.md")).isEqualTo("draft\n");
        assertThat(fx.remoteFile(".tidesync-freeze")).isNull();
        assertThat(statusOf(laptop).get("state").asText()).isEqualTo("frozen");
    }

    @Test
    void changesInsideASubmoduleAreReportedNotCalledUpToDate() throws Exception {
        Path lib = fx.bare("lib");
        Path libWork = fx.machine("lib-work");
        git(libWork, "remote", "set-url", "origin", lib.toString());
        write(libWork, "lib.c", "int x;\n");
        git(libWork, "add", "lib.c");
        git(libWork, "commit", "-q", "-m", "lib");
        git(libWork, "push", "-q", "origin", "HEAD:main");
        git(laptop, "-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.toString(), "lib");
        git(laptop, "commit", "-q", "-m", "Add lib");
        write(laptop, "lib/lib.c", "int x = 1;\n"); // git status: " M lib"

        JsonNode status = statusOf(laptop);
        Run sync = cli.run("sync", laptop.toString());

        assertThat(status.get("state").asText()).isEqualTo("submodule-changes");
        assertThat(status.get("message").asText()).startsWith("lib has changes Tidesync does not sync");
        assertThat(statusOf(laptop).get("state").asText()).as("still, after a sync: %s", sync.out()).isEqualTo("submodule-changes");
        assertThat(git(laptop.resolve("lib"), "status", "--porcelain")).isEqualTo(" M lib.c\n"); // untouched
    }

    @Test
    void aConflictPointsAtTidesyncResolve() throws Exception {
        Path desktop = fx.machine("desktop");
        cli.run("add", desktop.toString());
        write(laptop, "a.md", "laptop\n");
        write(desktop, "a.md", "desktop\n");
        cli.run("sync", laptop.toString());

        Run conflicted = cli.run("sync", desktop.toString());

        assertThat(conflicted.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(conflicted.out() + conflicted.err()).contains("tidesync resolve").doesNotContain("git pull --rebase");
    }

    @Test
    void aPauseEndsAtALocalTimeInMinutes() throws Exception {
        cli.run("pause", laptop.toString(), "--for", "2h");

        String message = statusOf(laptop).get("message").asText();

        assertThat(message).matches("Paused until (today )?\\d{2}:\\d{2}.*|Paused until tomorrow \\d{2}:\\d{2}.*");
        assertThat(message).doesNotContain("T").doesNotContain("Z");
    }

    @Test
    void documentedDefaultsCanBeLeftOut() throws Exception {
        Files.writeString(cli.home().resolve("config.json"), """
                {"rules": [{"pattern": "*.log", "when": "never"}],
                 "watchRoots": [{"path": "%s"}],
                 "repositories": [{"path": "%s"}]}
                """.formatted(tmp.resolve("src"), laptop));

        Run validate = cli.run("config", "validate");

        assertThat(validate.code()).as(validate.err()).isZero();
    }

    @Test
    void configSetTakesJsonForAnObjectSetting() throws Exception {
        Run set = cli.run("config", "set", "repositories.0.gate", "{\"command\": \"true\"}");
        Run bad = cli.run("config", "set", "repositories.0.gate", "{\"command\": 7}");

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(cli.run("config", "show").out()).contains("\"command\" : \"true\"");
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("gate");
    }

    @Test
    void verboseShowsTheStepsNotTheLibrariesDebugLinesAndDryRunNamesTheFiles() throws Exception {
        write(laptop, "draft.md", "draft\n");

        String verbose = separateProcess("--verbose", "sync", "--dry-run", laptop.toString());
        String debug = separateProcess("--debug", "sync", "--dry-run", laptop.toString());

        assertThat(verbose).contains("draft.md").doesNotContain("DEBUG").doesNotContain("org.eclipse.jgit");
        assertThat(verbose.lines().filter(l -> l.matches("\\s+\\w+\\s+\\d+ ms\\s.*"))).as(verbose).isNotEmpty();
        assertThat(debug).contains("DEBUG");
    }

    /** The library logging is set up once per JVM, so these run the CLI in a JVM of their own. */
    private String separateProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.tidesync.cli.Main", "--home", cli.home().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
