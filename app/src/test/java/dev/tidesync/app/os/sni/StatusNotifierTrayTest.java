package dev.tidesync.app.os.sni;

import static dev.tidesync.app.fixture.PrivateDesktop.await;
import static dev.tidesync.fixture.GitFixture.git;
import static dev.tidesync.fixture.GitFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.fixture.PrivateDesktop;
import dev.tidesync.fixture.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app on a private session bus, with a StatusNotifierWatcher of the spec's own: the spec
 * is the panel. It reads the item's icon, status and menu over D-Bus, clicks menu items, activates
 * the item, restarts the watcher, and checks that the process never loaded AWT.
 */
class StatusNotifierTrayTest {

    static final int SYNCED = 0x0E9F8E;
    static final int PAUSED = 0x868E99;
    static final int ATTENTION = 0xE59A10;

    @TempDir
    Path tmp;

    PrivateDesktop desktop;
    FakeWatcher watcher;
    DBusConnection host;
    GitFixture fx;
    Path laptop;
    Path classes;

    @BeforeEach
    void desktop() throws Exception {
        PrivateDesktop.require("/usr/bin/Xvfb", "/usr/bin/dbus-daemon", "/usr/bin/xwininfo");
        desktop = new PrivateDesktop(tmp).withDisplay().withSessionBus();
        watcher = FakeWatcher.start(desktop.busAddress());
        host = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
        fx = new GitFixture(tmp.resolve("git"));
        Path desk = fx.machine("desktop");
        write(desk, "notes.md", "one\n");
        fx.sync(desk);
        laptop = fx.machine("laptop");
    }

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.disconnect();
        }
        if (watcher != null) {
            watcher.close();
        }
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void theItemShowsTheStateItsMenuActsAndALeftClickOpensThePanelWithoutAwt() throws Exception {
        String item = startApp();
        StatusNotifierItem icon = host.getRemoteObject(item, SniTray.ITEM_PATH, StatusNotifierItem.class);
        DbusMenu menu = host.getRemoteObject(item, SniMenu.PATH, DbusMenu.class);
        AtomicInteger newIcons = new AtomicInteger();
        host.addSigHandler(StatusNotifierItem.NewIcon.class, s -> newIcons.incrementAndGet());

        assertThat(icon.getId()).isEqualTo("tidesync");
        assertThat(icon.getCategory()).isEqualTo("ApplicationStatus");
        assertThat(icon.isItemIsMenu()).as("a left click activates; the menu is on the right").isFalse();
        assertThat(icon.getMenu().getPath()).isEqualTo(SniMenu.PATH);
        await("the start-up sync to end in sync", () -> discColour(icon), c -> near(c, SYNCED), 60);
        assertThat(icon.getIconPixmap()).extracting(p -> p.width).containsExactly(16, 22, 24, 32, 48, 64);
        assertThat(icon.getStatus()).isEqualTo("Active");
        assertThat(await("the tooltip", () -> icon.getToolTip().description, d -> d.contains("in sync"), 20))
                .isEqualTo("Everything is in sync · 1 repository");
        // The row's "synced just now" arrives with the sync's record, a snapshot after the state itself.
        assertThat(await("the menu's row for the synced repository", () -> labels(menu.GetLayout(0, -1, List.of()).root),
                l -> l.contains("laptop — synced just now"), 20)).contains("Sync all", "Settings…", "Quit Tidesync");

        click(menu, "Until resumed");
        await("the paused icon", () -> discColour(icon), c -> near(c, PAUSED), 20);
        assertThat(newIcons.get()).as("the panel was told the icon changed").isPositive();
        assertThat(await("the menu to offer resuming", () -> labels(menu.GetLayout(0, -1, List.of()).root),
                l -> l.contains("Resume all"), 20)).doesNotContain("Pause all");

        icon.Activate(640, 12);
        String tree = await("the status panel", desktop::windowTree,
                t -> t.lines().anyMatch(l -> l.contains("\"Tidesync\"") && !l.contains(" 1x1+")), 20);
        assertThat(tree).contains("\"Tidesync\"");

        assertThat(Files.readAllLines(classes)).as("no AWT class was loaded").noneMatch(l -> l.contains(" java.awt.")
                || l.contains(" sun.awt.") || l.contains(" javax.swing."));
    }

    @Test
    void aConflictAsksForAttention() throws Exception {
        Path desk = tmp.resolve("git/desktop");
        write(desk, "notes.md", "theirs\n");
        git(desk, "commit", "-qam", "theirs");
        git(desk, "push", "-q", "origin", "main");
        write(laptop, "notes.md", "mine\n"); // the app's start-up sync commits this, fetches theirs: a conflict

        String item = startApp();
        StatusNotifierItem icon = host.getRemoteObject(item, SniTray.ITEM_PATH, StatusNotifierItem.class);

        await("the attention icon", () -> discColour(icon), c -> near(c, ATTENTION), 60);
        assertThat(icon.getStatus()).isEqualTo("NeedsAttention");
        assertThat(icon.getToolTip().description).isEqualTo("Needs your attention (laptop)");
        DbusMenu menu = host.getRemoteObject(item, SniMenu.PATH, DbusMenu.class);
        await("the menu's way to resolve it", () -> labels(menu.GetLayout(0, -1, List.of()).root), l -> l.contains("Resolve conflict…"), 20);
    }

    @Test
    void aPanelThatRestartsGetsTheItemRegisteredAgain() throws Exception {
        String item = startApp();

        watcher.close(); // the panel quits: its watcher leaves the bus
        watcher = FakeWatcher.start(desktop.busAddress()); // and comes back

        assertThat(watcher.registrations.poll(20, TimeUnit.SECONDS)).as("the item registers with the new watcher").isEqualTo(item);
        StatusNotifierItem icon = host.getRemoteObject(item, SniTray.ITEM_PATH, StatusNotifierItem.class);
        assertThat(icon.getIconPixmap()).isNotEmpty();
    }

    /** Starts the app watching the laptop clone; returns the bus name it registered. */
    private String startApp() throws Exception {
        Path home = tmp.resolve("tidesync");
        Files.createDirectories(home);
        Files.writeString(home.resolve("first-run.done"), "done\n");
        Files.writeString(home.resolve("config.json"), """
                {"desktop": {"notifications": "off"}, "repositories": [{"path": "%s"}]}
                """.formatted(laptop));
        classes = tmp.resolve("classes.txt");
        desktop.launchApp(home, tmp.resolve("app.log"), List.of("-Xlog:class+load=info:file=" + classes));
        String item = watcher.registrations.poll(60, TimeUnit.SECONDS);
        assertThat(item).as("the app registered an item; its log:\n" + log()).isNotNull().startsWith("org.kde.StatusNotifierItem-");
        return item;
    }

    private String log() throws Exception {
        Path log = tmp.resolve("app.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The 32-pixel icon's colour on its disc, above the waves. */
    static int discColour(StatusNotifierItem icon) {
        StatusNotifierItem.Pixmap p = icon.getIconPixmap().stream().filter(x -> x.width == 32).findFirst().orElseThrow();
        int x = 32 * 3 / 8;
        int y = 32 * 3 / 16;
        int i = (y * 32 + x) * 4; // ARGB, network byte order
        return (p.argb[i + 1] & 0xff) << 16 | (p.argb[i + 2] & 0xff) << 8 | (p.argb[i + 3] & 0xff);
    }

    static boolean near(int rgb, int expected) {
        int dr = (rgb >> 16 & 0xff) - (expected >> 16 & 0xff);
        int dg = (rgb >> 8 & 0xff) - (expected >> 8 & 0xff);
        int db = (rgb & 0xff) - (expected & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db) < 60;
    }

    /** Every label in the layout, depth first. Children arrive as variants of plain (ia{sv}av) values. */
    static List<String> labels(Object node) {
        List<String> out = new ArrayList<>();
        collect(node, out, new ArrayList<>());
        return out;
    }

    /** Finds the item labelled {@code label} and sends it a click, as a panel does. */
    void click(DbusMenu menu, String label) {
        List<Integer> ids = new ArrayList<>();
        List<String> out = new ArrayList<>();
        collect(menu.GetLayout(0, -1, List.of()).root, out, ids);
        int id = ids.get(out.indexOf(label));
        menu.Event(id, "clicked", new Variant<>(0), new UInt32(0));
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<String> labels, List<Integer> ids) {
        int id;
        Map<String, Variant<?>> props;
        List<?> children;
        if (node instanceof DbusMenu.Item item) {
            id = item.id;
            props = item.properties;
            children = item.children;
        } else {
            Object[] parts = node instanceof Variant<?> v ? (Object[]) v.getValue() : (Object[]) node;
            id = (Integer) parts[0];
            props = (Map<String, Variant<?>>) parts[1];
            children = (List<?>) parts[2];
        }
        Optional.ofNullable(props.get("label")).map(v -> ((String) v.getValue()).replace("__", "_")).ifPresent(l -> {
            labels.add(l);
            ids.add(id);
        });
        for (Object child : children) {
            collect(child, labels, ids);
        }
    }
}
