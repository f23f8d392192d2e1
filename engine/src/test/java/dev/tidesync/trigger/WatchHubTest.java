package dev.tidesync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.fixture.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** One watch service for every repository: events reach the subscription that owns the folder, and nothing else. */
class WatchHubTest {

    static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    final ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor();
    WatchHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
        thread.shutdownNow();
    }

    /** Records what one subscription hears. */
    static final class Heard implements WatchHub.Listener {
        final Set<Path> paths = ConcurrentHashMap.newKeySet();

        public void changed(Path path, boolean directory) {
            paths.add(path);
        }

        public void lostTrack() {
        }
    }

    @Test
    void eachRepositoryHearsOnlyItsOwnChangesIncludingFilesInAFolderThatJustAppeared() throws Exception {
        hub = WatchHub.start(thread);
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Path thesis = Files.createDirectories(dir.resolve("thesis"));
        Heard inNotes = new Heard();
        Heard inThesis = new Heard();
        hub.watch(List.of(notes), d -> true, inNotes);
        hub.watch(List.of(thesis), d -> true, inThesis);

        Files.writeString(notes.resolve("today.md"), "hello\n");
        Path deep = Files.createDirectories(thesis.resolve("ch1/figures"));
        Files.writeString(deep.resolve("plot.svg"), "<svg/>\n");

        Await.until("notes hears its file", LIMIT, () -> inNotes.paths.contains(notes.resolve("today.md")));
        Await.until("thesis hears the file in its new folder", LIMIT, () -> inThesis.paths.contains(deep.resolve("plot.svg")));
        assertThat(inNotes.paths).allMatch(p -> p.startsWith(notes));
        assertThat(inThesis.paths).allMatch(p -> p.startsWith(thesis));
    }

    @Test
    void foldersTheFilterRefusesAreNeverRegisteredAndAClosedSubscriptionLeavesTheOthersAlone() throws Exception {
        hub = WatchHub.start(thread);
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(notes.resolve("node_modules/left-pad"));
        Files.createDirectories(notes.resolve("docs"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Heard inNotes = new Heard();
        Heard inOther = new Heard();
        WatchHub.Subscription notesWatch = hub.watch(List.of(notes), d -> !d.getFileName().toString().equals("node_modules"), inNotes);
        hub.watch(List.of(other), d -> true, inOther);

        assertThat(hub.registeredDirectories()).as("notes, docs and other; not node_modules or what is inside it").isEqualTo(3);
        notesWatch.close();
        assertThat(hub.registeredDirectories()).isEqualTo(1);
        Files.writeString(notes.resolve("docs/ignored-now.md"), "x\n");
        Files.writeString(other.resolve("still.md"), "x\n");

        Await.until("the other subscription still hears", LIMIT, () -> inOther.paths.contains(other.resolve("still.md")));
        assertThat(inNotes.paths).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void twoHundredRepositoriesTakeOneInotifyInstance() throws Exception {
        long before = inotifyInstances();
        hub = WatchHub.start(thread);
        List<Heard> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Path repo = Files.createDirectories(dir.resolve("r" + i + "/sub"));
            Heard h = new Heard();
            all.add(h);
            hub.watch(List.of(repo.getParent()), d -> true, h);
        }

        assertThat(inotifyInstances() - before).isEqualTo(1);
        Path last = dir.resolve("r199/sub/saved.md");
        Files.writeString(last, "x\n");
        Await.until("the 200th repository hears its save", LIMIT, () -> all.get(199).paths.contains(last));
    }

    /** This process's open inotify instances, as /proc shows its file descriptors. */
    static long inotifyInstances() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().contains("inotify");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
