package dev.tidesync.app.os.notify;

import dev.tidesync.app.alerts.Alert;
import dev.tidesync.app.alerts.DesktopNotifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux and BSD desktops: the freedesktop.org notification server on the session D-Bus (the
 * panel's, dunst, mako, GNOME Shell, Plasma), over dbus-java like the tray. Alerts carry their
 * actions where the server says it shows them ("actions" capability), and a click comes back as
 * ActionInvoked.
 */
public final class DbusNotifier implements DesktopNotifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DbusNotifier.class);

    private final DBusConnection bus;
    private final DBus daemon;
    /** Calls go out one at a time off the UI thread: a slow server never holds the app. */
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("tidesync-notify").factory());
    private final Map<UInt32, Pending> shown = new ConcurrentHashMap<>();

    private record Pending(Alert alert, Consumer<Alert.Action> chosen) {}

    private DbusNotifier(DBusConnection bus) throws DBusException {
        this.bus = bus;
        this.daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        bus.addSigHandler(Notifications.ActionInvoked.class, this::invoked);
        bus.addSigHandler(Notifications.NotificationClosed.class, s -> shown.remove(s.id));
    }

    /** Connected to the session bus named in the environment; empty where there is none. */
    public static Optional<DbusNotifier> connect(Map<String, String> environment) {
        String address = environment.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "");
        if (address.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DbusNotifier(DBusConnectionBuilder.forAddress(address).withShared(false).build()));
        } catch (DBusException | RuntimeException e) {
            LOG.info("no desktop notifications: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A server runs now, or the bus could start one (dunst and others are bus-activated; one that
     * is installed but cannot start, as without a display, does not count).
     */
    @Override
    public boolean present() {
        try {
            if (daemon.NameHasOwner(Notifications.BUS_NAME)) {
                return true;
            }
            if (!Arrays.asList(daemon.ListActivatableNames()).contains(Notifications.BUS_NAME)) {
                return false;
            }
            daemon.StartServiceByName(Notifications.BUS_NAME, new UInt32(0));
            return daemon.NameHasOwner(Notifications.BUS_NAME);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void notify(Alert alert, Consumer<Alert.Action> chosen) {
        outbox.execute(() -> {
            try {
                Notifications server = bus.getRemoteObject(Notifications.BUS_NAME, Notifications.PATH, Notifications.class);
                boolean actions = server.GetCapabilities().contains("actions");
                UInt32 id = server.Notify("Tidesync", new UInt32(0), "tidesync", alert.title(), alert.text(),
                        actions ? actionList(alert) : List.of(), hints(alert), alert.urgent() ? 0 : -1);
                if (actions) {
                    shown.put(id, new Pending(alert, chosen));
                }
            } catch (DBusException | RuntimeException e) {
                LOG.warn("desktop notification failed: {}", e.getMessage());
            }
        });
    }

    /** Key and label pairs: "default" (a click on the notification) does the main action. */
    static List<String> actionList(Alert alert) {
        List<String> pairs = new ArrayList<>(List.of("default", alert.actionLabel()));
        alert.actions().forEach(a -> pairs.addAll(List.of(a.id(), a.label())));
        return pairs;
    }

    static Map<String, Variant<?>> hints(Alert alert) {
        return Map.of("urgency", new Variant<>((byte) (alert.urgent() ? 2 : 1)),
                "category", new Variant<>(alert.urgent() ? "transfer.error" : "transfer.complete"),
                "desktop-entry", new Variant<>("tidesync"));
    }

    private void invoked(Notifications.ActionInvoked signal) {
        Pending p = shown.get(signal.id);
        if (p == null) {
            return; // another program's notification
        }
        Alert.Action action = "default".equals(signal.actionKey) ? p.alert().actions().getFirst()
                : p.alert().actions().stream().filter(a -> a.id().equals(signal.actionKey)).findFirst().orElse(null);
        if (action != null) {
            p.chosen().accept(action);
        }
    }

    @Override
    public String describe() {
        return "the desktop's notifications (org.freedesktop.Notifications on the session bus)";
    }

    @Override
    public void close() {
        outbox.shutdown();
        try {
            bus.close();
        } catch (IOException e) {
            LOG.debug("closing the notification bus connection: {}", e.getMessage());
        }
    }
}
