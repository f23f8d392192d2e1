package dev.tidesync.sync;

import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.read;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.config.Settings;
import dev.tidesync.fixture.GitFixture;
import dev.tidesync.git.GitAccess;
import dev.tidesync.model.StepTime;
import dev.tidesync.model.SyncOutcome;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Failure.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poll asks the remote for its branch's ref first and does the rest only when it moved, in
 * process (JGit) and through the installed git alike.
 */
class PollProbeTest {

    @TempDir
    Path tmp;

    GitFixture fx;
    Path laptop;
    Path desktop;

    @BeforeEach
    void twoMachinesInSync() throws Exception {
        fx = new GitFixture(tmp);
        laptop = fx.machine("laptop");
        write(laptop, "notes/today.md", "first line\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        desktop = fx.machine("desktop");
        assertThat(fx.sync(desktop).result()).isEqualTo(SyncResult.OK);
    }

    static Stream<String> transports() {
        return Stream.of("jgit", "git");
    }

    private GitAccess access(String transport) {
        if (transport.equals("jgit")) {
            return GitAccess.jgitOnly();
        }
        return GitAccess.detect(new Settings.NetworkSettings(30, Settings.TransportChoice.GIT, false),
                Map.of("HOME", tmp.toString(), "GIT_CONFIG_NOSYSTEM", "1", "PATH", System.getenv("PATH")));
    }

    private static java.util.List<String> steps(SyncOutcome o) {
        return o.steps().stream().map(StepTime::step).toList();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aPollOfAnUnmovedRemoteAsksForOneRefAndTouchesNeitherTheWorkTreeNorTheIndex(String transport) throws Exception {
        write(desktop, "draft.md", "half written\n"); // the file watcher's business, not the poll's
        Path index = desktop.resolve(".git/index");
        FileTime indexBefore = Files.getLastModifiedTime(index);

        SyncOutcome poll = fx.poll(desktop, access(transport));

        assertThat(poll.result()).as(poll.message()).isEqualTo(SyncResult.OK);
        assertThat(poll.changedNothing()).isTrue();
        assertThat(steps(poll)).containsExactly("probe");
        assertThat(poll.steps().getFirst().detail()).startsWith("origin/main unchanged at ");
        assertThat(Files.getLastModifiedTime(index)).as("no status walk refreshed the index").isEqualTo(indexBefore);
        assertThat(desktop.resolve(".git/tidesync/cycle")).doesNotExist();
        assertThat(git(desktop, "status", "--porcelain")).isEqualTo("?? draft.md\n");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aPollOfAMovedRemoteFetchesAndIntegratesAsBefore(String transport) throws Exception {
        write(laptop, "notes/today.md", "first line\nfrom the laptop\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);

        SyncOutcome poll = fx.poll(desktop, access(transport));

        assertThat(poll.result()).as(poll.message()).isEqualTo(SyncResult.OK);
        assertThat(poll.commitsIn()).isEqualTo(1);
        assertThat(steps(poll)).contains("prepare", "fetch", "integrate");
        assertThat(read(desktop, "notes/today.md")).isEqualTo("first line\nfrom the laptop\n");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aBranchBehindItsTrackingRefIsIntegratedEvenThoughTheRemoteDidNotMove(String transport) throws Exception {
        write(laptop, "b.md", "new\n");
        assertThat(fx.sync(laptop).result()).isEqualTo(SyncResult.OK);
        git(desktop, "fetch", "--quiet", "origin"); // the user fetched by hand: nothing new on the remote since

        SyncOutcome poll = fx.poll(desktop, access(transport));

        assertThat(poll.commitsIn()).isEqualTo(1);
        assertThat(read(desktop, "b.md")).isEqualTo("new\n");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void aKilledCycleLeavesItsMarkerAndThePollRunsTheWholeCycleToClearUp(String transport) throws Exception {
        Files.createDirectories(desktop.resolve(".git/tidesync"));
        Files.writeString(desktop.resolve(".git/tidesync/cycle"), "999999999 2026-12-01T10:00:00Z\n");

        SyncOutcome poll = fx.poll(desktop, access(transport));

        assertThat(steps(poll)).contains("prepare", "fetch");
        assertThat(desktop.resolve(".git/tidesync/cycle")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("transports")
    void anUnreachableRemoteFailsThePollAsAFetchWould(String transport) throws Exception {
        Files.move(fx.remote(), tmp.resolve("moved-away.git"));

        SyncOutcome poll = fx.poll(desktop, access(transport));

        assertThat(poll.result()).isEqualTo(SyncResult.FAILED);
        assertThat(poll.failure()).hasValueSatisfying(f -> assertThat(f.kind()).isIn(FailureKind.NOT_FOUND, FailureKind.OTHER));
        assertThat(poll.message()).contains("origin");
    }
}
