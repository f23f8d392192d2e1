package dev.tidesync.app;

import static dev.tidesync.app.fixture.PrivateDesktop.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.fixture.PrivateDesktop;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app on real tray hosts under Xvfb: Debian's xfce4-panel, whose systray shows
 * StatusNotifierItems (the path GNOME's AppIndicator, Plasma and waybar take too), and trayer,
 * an XEmbed tray with no StatusNotifierWatcher (the AWT fallback). Screenshots go to
 * app/target/screenshots. CI installs the hosts and must run this; elsewhere it is skipped
 * when they are missing.
 */
class RealDesktopTest {

    static final int SYNCED = 0x0E9F8E;

    @TempDir
    Path tmp;

    PrivateDesktop desktop;

    @AfterEach
    void stop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void onXfcesPanelTheIconAndItsMenuAreDrawnByThePanelAndSurviveTwoPanelRestarts() throws Exception {
        PrivateDesktop.require("/usr/bin/Xvfb", "/usr/bin/dbus-daemon", "/usr/bin/xfce4-panel", "/usr/bin/xwininfo", "/usr/bin/import",
                "/usr/bin/xdotool", "/usr/bin/gdbus");
        desktop = new PrivateDesktop(tmp).withDisplay().withSessionBus();
        Process panel = desktop.startXfcePanel();
        awaitWatcher();
        desktop.launchApp(home(), tmp.resolve("app.log"), List.of());

        int[] at = awaitIconInPanel("the icon in the panel");
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        desktop.screenshot(screenshots.resolve("sni-icon.png"));
        desktop.run("xdotool", "mousemove", Integer.toString(at[0]), Integer.toString(at[1]), "click", "3");
        Thread.sleep(1500); // the panel fetches the layout over dbusmenu and draws it
        desktop.screenshot(screenshots.resolve("sni-menu.png"));
        assertThat(ImageIO.read(screenshots.resolve("sni-menu.png").toFile())).as("the menu lists the repository")
                .satisfies(img -> assertThat(darkTextRowsBelow(img, at[0], 40)).isGreaterThan(5));
        desktop.run("xdotool", "key", "Escape");

        for (int restart = 1; restart <= 2; restart++) {
            desktop.stop(panel);
            panel = desktop.startXfcePanel();
            awaitWatcher();
            awaitIconInPanel("the icon after panel restart " + restart);
        }
        assertThat(desktop.run("gdbus", "call", "--session", "--dest", "org.kde.StatusNotifierWatcher", "--object-path",
                "/StatusNotifierWatcher", "--method", "org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierWatcher",
                "RegisteredStatusNotifierItems")).contains("org.kde.StatusNotifierItem-");

        desktop.run("xdotool", "mousemove", Integer.toString(at[0]), Integer.toString(at[1]), "click", "1");
        await("the status panel after a left click", desktop::windowTree,
                t -> t.lines().anyMatch(l -> l.contains("\"Tidesync\"") && !l.contains(" 1x1+")), 20);
        Thread.sleep(1500); // the window is mapped before its first frame is drawn
        desktop.screenshot(screenshots.resolve("sni-panel.png"));
        assertThat(Files.readString(tmp.resolve("app.log"))).doesNotContain("Exception").contains("tray: StatusNotifierItem");
    }

    @Test
    void aPanelThatComesUpAfterTheAppStillGetsItsIcon() throws Exception {
        PrivateDesktop.require("/usr/bin/Xvfb", "/usr/bin/dbus-daemon", "/usr/bin/xfce4-panel", "/usr/bin/gdbus");
        desktop = new PrivateDesktop(tmp).withDisplay().withSessionBus();
        Path log = tmp.resolve("app.log");
        desktop.launchApp(home(), log, List.of());
        await("the app to start without a tray", () -> Files.exists(log) ? Files.readString(log) : "",
                text -> text.contains("the status panel is the main window"), 60);

        desktop.startXfcePanel(); // the login's panel, slower than the app
        awaitWatcher();

        await("the icon registered with the late panel", () -> desktop.run("gdbus", "call", "--session", "--dest",
                "org.kde.StatusNotifierWatcher", "--object-path", "/StatusNotifierWatcher", "--method",
                "org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems"),
                out -> out.contains("org.kde.StatusNotifierItem-"), 30);
        assertThat(Files.readString(log)).contains("its watcher appeared after the app started").doesNotContain("Exception");
    }

    @Test
    void onAnXembedTrayTheAwtIconIsEmbeddedSurvivesATrayRestartAndASecondLaunchShowsTheRunningApp() throws Exception {
        PrivateDesktop.require("/usr/bin/Xvfb", "/usr/bin/trayer", "/usr/bin/xwininfo", "/usr/bin/import");
        desktop = new PrivateDesktop(tmp).withDisplay();
        Process trayer = desktop.startTrayer();
        Process app = desktop.launchApp(home(), tmp.resolve("app.log"), List.of());

        String tree = await("the icon inside trayer", desktop::windowTree, RealDesktopTest::embeddedInTrayer, 60);
        assertThat(embeddedInTrayer(tree)).as("the icon sits inside trayer's panel window").isTrue();
        desktop.stop(trayer);
        desktop.startTrayer();
        await("the icon inside the restarted trayer", desktop::windowTree, RealDesktopTest::embeddedInTrayer, 30);
        Process second = desktop.launchApp(home(), tmp.resolve("second.log"), List.of());
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("the second launch hands over and exits").isTrue();
        assertThat(second.exitValue()).isZero();
        await("the running app's panel", desktop::windowTree, t -> t.lines().anyMatch(l -> l.contains("\"Tidesync\"") && !l.contains(" 1x1+")), 20);
        assertThat(app.isAlive()).isTrue();
        Thread.sleep(1500); // the window is mapped before its first frame is drawn
        desktop.screenshot(Path.of("target", "screenshots", "xembed-tray-and-panel.png"));
        assertThat(Files.readString(tmp.resolve("app.log"))).doesNotContain("Exception").contains("XEmbed");
    }

    private Path home() throws Exception {
        Path repo = tmp.resolve("notes");
        Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
        Path home = Files.createDirectories(tmp.resolve("tidesync"));
        Files.writeString(home.resolve("first-run.done"), "done\n");
        Files.writeString(home.resolve("config.json"), "{\"desktop\": {\"notifications\": \"off\"}, \"repositories\": [{\"path\": \"" + repo + "\"}]}\n");
        return home;
    }

    private void awaitWatcher() throws InterruptedException {
        await("xfce4-panel's StatusNotifierWatcher", () -> desktop.run("gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                "--object-path", "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.NameHasOwner", "org.kde.StatusNotifierWatcher"),
                out -> out.contains("true"), 30);
    }

    /** Where the teal "in sync" icon is drawn in the panel's strip at the top of the screen. */
    private int[] awaitIconInPanel(String what) throws InterruptedException {
        Path shot = tmp.resolve("probe.png");
        return await(what, () -> {
            desktop.screenshot(shot);
            return find(ImageIO.read(shot.toFile()), SYNCED).orElse(null);
        }, p -> p != null, 60);
    }

    static Optional<int[]> find(BufferedImage img, int rgb) {
        for (int y = 0; y < Math.min(40, img.getHeight()); y++) {
            for (int x = img.getWidth() - 1; x >= 0; x--) {
                if (near(img.getRGB(x, y) & 0xffffff, rgb)) {
                    return Optional.of(new int[] {x, y});
                }
            }
        }
        return Optional.empty();
    }

    /** Rows below the panel, near x, with dark text on the menu's light background. */
    static int darkTextRowsBelow(BufferedImage img, int x, int from) {
        int rows = 0;
        for (int y = from; y < Math.min(img.getHeight(), from + 300); y++) {
            for (int dx = -250; dx < 0; dx++) {
                int px = Math.clamp(x + dx, 0, img.getWidth() - 1);
                int c = img.getRGB(px, y);
                if ((c >> 16 & 0xff) < 80 && (c >> 8 & 0xff) < 80 && (c & 0xff) < 80 && brightAround(img, px, y)) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    private static boolean brightAround(BufferedImage img, int x, int y) {
        int c = img.getRGB(Math.max(0, x - 12), y);
        return (c >> 16 & 0xff) > 200 && (c >> 8 & 0xff) > 200 && (c & 0xff) > 200;
    }

    static boolean near(int rgb, int expected) {
        int dr = (rgb >> 16 & 0xff) - (expected >> 16 & 0xff);
        int dg = (rgb >> 8 & 0xff) - (expected >> 8 & 0xff);
        int db = (rgb & 0xff) - (expected & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db) < 40;
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
}
