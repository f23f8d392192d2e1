package dev.tidesync.app.os.sni;

import dev.tidesync.app.status.TrayState;
import dev.tidesync.app.tray.IconImage;
import dev.tidesync.app.tray.MenuEntry;
import dev.tidesync.app.tray.Tray;
import dev.tidesync.app.tray.TrayIcons;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.messages.DBusSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Linux tray: a StatusNotifierItem on the session bus, its menu over dbusmenu, registered
 * with the desktop's StatusNotifierWatcher, in pure Java (dbus-java over the JDK's Unix-domain
 * sockets). No AWT anywhere: the icon is pixels the panel draws itself. A panel that restarts
 * brings a new watcher; the item registers with it again.
 */
public final class SniTray implements Tray {

    private static final Logger LOG = LoggerFactory.getLogger(SniTray.class);
    static final String ITEM_PATH = "/StatusNotifierItem";
    /** The sizes offered; the panel picks the nearest to its own. */
    static final int[] PIXMAP_SIZES = {16, 22, 24, 32, 48, 64};

    private final DBusConnection bus;
    private final String busName;
    private final Item item = new Item();
    private final SniMenu menu;
    /** Signals and registration leave the FX thread: the bus may be slow, the UI must not be. */
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("tidesync-sni").factory());
    private final Map<String, List<StatusNotifierItem.Pixmap>> pixmaps = new ConcurrentHashMap<>();
    private final String watcherOwner;
    private volatile Consumer<Optional<Point2D>> open = p -> { };
    private TrayState shownState;
    private int shownFrame = -1;
    private boolean published;
    private volatile boolean closed;

    private SniTray(DBusConnection bus, String busName, String watcherOwner) {
        this.bus = bus;
        this.busName = busName;
        this.watcherOwner = watcherOwner;
        this.menu = new SniMenu(action -> Platform.runLater(action), this::send);
    }

    /**
     * Connects to the session bus and shows the item, if the desktop has a StatusNotifierWatcher
     * now or gets one within {@code wait} (a panel that starts after the app at login). Empty
     * where there is no session bus or no watcher: the caller falls back.
     */
    public static Optional<SniTray> connect(Map<String, String> environment, Duration wait) {
        String address = environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "");
        if (address.isBlank()) {
            return Optional.empty();
        }
        DBusConnection bus = null;
        try {
            bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            DBus daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!awaitWatcher(bus, daemon, wait)) {
                bus.close();
                return Optional.empty();
            }
            String name = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-1";
            return Optional.of(new SniTray(bus, name, daemon.GetNameOwner(StatusNotifierWatcher.BUS_NAME)));
        } catch (DBusException | RuntimeException | java.io.IOException e) {
            LOG.info("no StatusNotifierItem tray: {}", e.getMessage());
            if (bus != null) {
                try {
                    bus.close();
                } catch (java.io.IOException ignored) {
                    // it is being dropped anyway
                }
            }
            return Optional.empty();
        }
    }

    private static boolean awaitWatcher(DBusConnection bus, DBus daemon, Duration wait) throws DBusException {
        CountDownLatch appeared = new CountDownLatch(1);
        try (AutoCloseable ignored = bus.addSigHandler(DBus.NameOwnerChanged.class, s -> {
            if (StatusNotifierWatcher.BUS_NAME.equals(s.name) && !s.newOwner.isEmpty()) {
                appeared.countDown();
            }
        })) {
            if (daemon.NameHasOwner(StatusNotifierWatcher.BUS_NAME)) {
                return true;
            }
            return appeared.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            throw new DBusException("cannot watch for a StatusNotifierWatcher: " + e.getMessage(), e);
        }
    }

    /** Goes on the bus once the first icon is there, so the panel never shows an empty one. */
    private void publish() {
        try {
            bus.requestBusName(busName);
            bus.exportObject(ITEM_PATH, item);
            bus.exportObject(SniMenu.PATH, menu);
            bus.addSigHandler(DBus.NameOwnerChanged.class, s -> {
                if (StatusNotifierWatcher.BUS_NAME.equals(s.name) && !s.newOwner.isEmpty() && !closed) {
                    LOG.info("the StatusNotifierWatcher came back ({}); registering the tray icon again", s.newOwner);
                    outbox.execute(this::register);
                }
            });
        } catch (DBusException | RuntimeException e) {
            LOG.warn("could not put the tray icon on the session bus: {}", e.getMessage());
            return;
        }
        register();
    }

    /** Registers with the watcher; on a panel restart the new watcher needs to hear it again. */
    private void register() {
        try {
            bus.getRemoteObject(StatusNotifierWatcher.BUS_NAME, StatusNotifierWatcher.PATH, StatusNotifierWatcher.class)
                    .RegisterStatusNotifierItem(busName);
        } catch (DBusException | RuntimeException e) {
            LOG.warn("could not register the tray icon with the StatusNotifierWatcher: {}", e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "StatusNotifierItem " + busName + " on the session bus (watcher " + watcherOwner + ")";
    }

    @Override
    public void show(TrayState state, int frame) {
        if (state == shownState && frame == shownFrame) {
            return;
        }
        boolean statusChanged = attention(state) != attention(shownState);
        shownState = state;
        shownFrame = frame;
        item.icon = pixmaps(state, frame);
        item.status = attention(state) ? "NeedsAttention" : "Active";
        if (!published) {
            published = true;
            outbox.execute(this::publish);
            return;
        }
        send(signal(() -> new StatusNotifierItem.NewIcon(ITEM_PATH)));
        if (statusChanged) {
            send(signal(() -> new StatusNotifierItem.NewStatus(ITEM_PATH, item.status)));
        }
    }

    private static boolean attention(TrayState state) {
        return state == TrayState.ATTENTION || state == TrayState.ERROR;
    }

    private List<StatusNotifierItem.Pixmap> pixmaps(TrayState state, int frame) {
        return pixmaps.computeIfAbsent(state + "/" + frame, k -> {
            List<StatusNotifierItem.Pixmap> all = new java.util.ArrayList<>();
            for (int size : PIXMAP_SIZES) {
                IconImage image = TrayIcons.render(state, size, frame);
                all.add(new StatusNotifierItem.Pixmap(image.width(), image.height(), image.networkOrderArgb()));
            }
            return List.copyOf(all);
        });
    }

    @Override
    public void tooltip(String text) {
        String description = text.replaceFirst("^Tidesync: ", "");
        if (!description.equals(item.tooltip)) {
            item.tooltip = description;
            send(signal(() -> new StatusNotifierItem.NewToolTip(ITEM_PATH)));
        }
    }

    @Override
    public void menu(List<MenuEntry> entries) {
        outbox.execute(() -> menu.update(entries));
    }

    @Override
    public void onOpen(Consumer<Optional<Point2D>> action) {
        this.open = action;
    }

    @Override
    public boolean showsMessages() {
        return false; // the desktop's notification server carries messages on Linux
    }

    @Override
    public void message(String title, String text, boolean urgent) {
        LOG.debug("the StatusNotifierItem tray shows no messages: {}", title);
    }

    @Override
    public void close() {
        closed = true;
        outbox.shutdown();
        try {
            outbox.awaitTermination(2, TimeUnit.SECONDS);
            bus.releaseBusName(busName);
        } catch (DBusException | RuntimeException e) {
            LOG.debug("releasing {}: {}", busName, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            bus.disconnect();
        }
    }

    @FunctionalInterface
    private interface SignalMaker {
        DBusSignal make() throws DBusException;
    }

    private static DBusSignal signal(SignalMaker maker) {
        try {
            return maker.make();
        } catch (DBusException e) {
            throw new IllegalStateException("cannot build a D-Bus signal", e);
        }
    }

    private void send(DBusSignal signal) {
        if (closed) {
            return;
        }
        outbox.execute(() -> {
            try {
                bus.sendMessage(signal);
            } catch (RuntimeException e) {
                LOG.debug("could not send {}: {}", signal.getName(), e.getMessage());
            }
        });
    }

    /** The exported item: what the panel reads. Fields are written on the FX thread, read on the bus's. */
    private final class Item implements StatusNotifierItem {
        volatile List<Pixmap> icon = List.of();
        volatile String status = "Active";
        volatile String tooltip = "";

        @Override
        public String getObjectPath() {
            return ITEM_PATH;
        }

        @Override
        public String getCategory() {
            return "ApplicationStatus";
        }

        @Override
        public String getId() {
            return "tidesync";
        }

        @Override
        public String getTitle() {
            return "Tidesync";
        }

        @Override
        public String getStatus() {
            return status;
        }

        @Override
        public int getWindowId() {
            return 0;
        }

        @Override
        public String getIconName() {
            return ""; // the pixmaps are the icon: a theme name would hide the state
        }

        @Override
        public String getIconThemePath() {
            return "";
        }

        @Override
        public List<Pixmap> getIconPixmap() {
            return icon;
        }

        @Override
        public String getOverlayIconName() {
            return "";
        }

        @Override
        public List<Pixmap> getOverlayIconPixmap() {
            return List.of();
        }

        @Override
        public String getAttentionIconName() {
            return "";
        }

        @Override
        public List<Pixmap> getAttentionIconPixmap() {
            return icon; // the state icons carry the attention look themselves
        }

        @Override
        public String getAttentionMovieName() {
            return "";
        }

        @Override
        public ToolTip getToolTip() {
            return new ToolTip("", List.of(), "Tidesync", tooltip);
        }

        @Override
        public boolean isItemIsMenu() {
            return false;
        }

        @Override
        public DBusPath getMenu() {
            return new DBusPath(SniMenu.PATH);
        }

        @Override
        public void Activate(int x, int y) {
            Optional<Point2D> at = x == 0 && y == 0 ? Optional.empty() : Optional.of(new Point2D(x, y));
            Platform.runLater(() -> open.accept(at));
        }

        @Override
        public void SecondaryActivate(int x, int y) {
            Activate(x, y);
        }

        @Override
        public void ContextMenu(int x, int y) {
            Activate(x, y); // hosts without dbusmenu ask for a menu: the panel carries every action
        }

        @Override
        public void Scroll(int delta, String orientation) {
            // nothing to scroll through
        }
    }
}
