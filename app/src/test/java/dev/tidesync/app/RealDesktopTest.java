package dev.tidesync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app on a real X display: Xvfb with Debian's trayer as the system tray. Checks that
 * the icon is embedded in the tray, that a second launch shows the running app instead of
 * starting another, and saves a screenshot to app/target/screenshots. CI installs Xvfb and
 * trayer and must run this; elsewhere it is skipped when they are missing.
 */
class RealDesktopTest {

    static final List<String> TOOLS = List.of("/usr/bin/Xvfb", "/usr/bin/trayer", "/usr/bin/xwininfo", "/usr/bin/import");

    @TempDir
    Path tmp;

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        for (Process p : started.reversed()) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void theTrayIconIsEmbeddedAndASecondLaunchShowsTheRunningApp() throws Exception {
        requireDisplayTools();
        String display = startXvfb();
        start(List.of("trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24",
                "--transparent", "false", "--tint", "0x303030"), display, tmp.resolve("trayer.log"));
        Path home = tmp.resolve("home");
        Path repo = tmp.resolve("notes");
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.json"), "{\"repositories\": [{\"path\": \"" + repo + "\"}]}\n");

        Process app = launch(display, home, tmp.resolve("app.log"));
        String tree = awaitWindowTree(display, RealDesktopTest::embeddedInTrayer, 60);

        assertThat(embeddedInTrayer(tree)).as("the icon sits inside trayer's panel window").isTrue();
        Process second = launch(display, home, tmp.resolve("second.log"));
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("the second launch hands over and exits").isTrue();
        assertThat(second.exitValue()).isZero();
        String shown = awaitWindowTree(display, t -> t.lines().anyMatch(l -> l.contains("\"Tidesync\"") && !l.contains(" 1x1+")), 20);
        assertThat(shown).as("the running app shows its panel").isNotEmpty();
        assertThat(app.isAlive()).isTrue();

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        Path png = screenshots.resolve("tray-and-panel.png");
        run(List.of("import", "-window", "root", png.toString()), display);
        assertThat(png).isNotEmptyFile();
        assertThat(Files.readString(tmp.resolve("app.log"))).doesNotContain("Exception");
    }

    /** The icon's window starts on the root window; embedded means it is somewhere below trayer's panel window. */
    static boolean embeddedInTrayer(String tree) {
        int panelDepth = -1;
        for (String line : tree.lines().toList()) {
            int depth = line.length() - line.stripLeading().length();
            if (line.contains("\"panel\": (\"panel\" \"trayer\")")) {
                panelDepth = depth;
            } else if (panelDepth >= 0 && depth <= panelDepth) {
                panelDepth = -1; // left the panel's subtree
            } else if (panelDepth >= 0 && line.contains("\"JavaEmbeddedFrame\"")) {
                return true;
            }
        }
        return false;
    }

    static void requireDisplayTools() {
        for (String tool : TOOLS) {
            if (!Files.isExecutable(Path.of(tool))) {
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException(tool + " is missing; .ci/run installs Xvfb, trayer, x11-utils and imagemagick");
                }
                assumeTrue(false, tool + " is not installed");
            }
        }
    }

    /** Xvfb on a display number it picks itself (-displayfd), so parallel runs never collide. */
    String startXvfb() throws IOException, InterruptedException {
        Path fd = tmp.resolve("display");
        Process x = new ProcessBuilder("bash", "-c", "exec Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>" + fd)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("xvfb.log").toFile()).start();
        started.add(x);
        for (int i = 0; i < 100; i++) {
            if (Files.exists(fd) && !Files.readString(fd).isBlank()) {
                return ":" + Files.readString(fd).strip();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Xvfb did not start: " + Files.readString(tmp.resolve("xvfb.log")));
    }

    Process launch(String display, Path home, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Dprism.order=sw", "-cp", classpath, "dev.tidesync.app.Launcher"));
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("DISPLAY", display);
        b.environment().put("TIDESYNC_HOME", home.toString());
        b.environment().put("HOME", tmp.toString());
        b.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        Process p = b.start();
        started.add(p);
        return p;
    }

    void start(List<String> command, String display, Path log) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("DISPLAY", display);
        started.add(b.start());
    }

    static String run(List<String> command, String display) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().put("DISPLAY", display);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    static String awaitWindowTree(String display, java.util.function.Predicate<String> done, int seconds) throws Exception {
        String tree = "";
        for (int i = 0; i < seconds * 4; i++) {
            tree = run(List.of("xwininfo", "-root", "-tree"), display);
            if (done.test(tree)) {
                return tree;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the window never appeared; windows were:\n" + tree);
    }
}
