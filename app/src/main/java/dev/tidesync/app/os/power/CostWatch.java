package dev.tidesync.app.os.power;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux: whether syncing costs now, from the system bus: UPower's {@code OnBattery} and
 * NetworkManager's {@code Metered} (yes, or guessed yes). Both are watched through their
 * PropertiesChanged signals and read again when either service comes or goes; a service that is
 * not there counts as mains power, or an unmetered network.
 */
public final class CostWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CostWatch.class);

    static final String UPOWER = "org.freedesktop.UPower";
    static final String UPOWER_PATH = "/org/freedesktop/UPower";
    static final String NETWORK_MANAGER = "org.freedesktop.NetworkManager";
    static final String NETWORK_MANAGER_PATH = "/org/freedesktop/NetworkManager";
    /** NMMetered: 1 yes, 3 guessed yes (a phone's hotspot); 0 unknown, 2 no, 4 guessed no. */
    private static final long METERED_YES = 1;
    private static final long METERED_GUESS_YES = 3;

    /** What syncing costs now. */
    public record Costs(boolean onBattery, boolean metered) {}

    private final DBusConnection bus;
    private final Consumer<Costs> changed;
    private volatile Costs last;

    private CostWatch(DBusConnection bus, Consumer<Costs> changed) throws DBusException {
        this.bus = bus;
        this.changed = changed;
        this.last = read();
        bus.addSigHandler(Properties.PropertiesChanged.class, s -> {
            if (UPOWER_PATH.equals(s.getPath()) || NETWORK_MANAGER_PATH.equals(s.getPath())) {
                reread();
            }
        });
        bus.addSigHandler(DBus.NameOwnerChanged.class, s -> {
            if (UPOWER.equals(s.name) || NETWORK_MANAGER.equals(s.name)) {
                reread();
            }
        });
    }

    /** The system bus's address, as the desktop announces it or where it always is. */
    public static String systemBus(Map<String, String> environment) {
        return environment.getOrDefault("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/var/run/dbus/system_bus_socket");
    }

    /** Watching the bus at {@code address}; {@code changed} hears every change (on the bus's thread). Empty where there is no bus. */
    public static Optional<CostWatch> connect(String address, Consumer<Costs> changed) {
        try {
            return Optional.of(new CostWatch(DBusConnectionBuilder.forAddress(address).withShared(false).build(), changed));
        } catch (DBusException | RuntimeException e) {
            LOG.info("power and network state unknown (no system bus): {}", e.getMessage());
            return Optional.empty();
        }
    }

    public Costs now() {
        return last;
    }

    private void reread() {
        Costs next = read();
        if (!next.equals(last)) {
            last = next;
            changed.accept(next);
        }
    }

    private Costs read() {
        boolean onBattery = property(UPOWER, UPOWER_PATH, "OnBattery") instanceof Boolean b && b;
        Object metered = property(NETWORK_MANAGER, NETWORK_MANAGER_PATH, "Metered");
        long m = metered instanceof UInt32 u ? u.longValue() : metered instanceof Number n ? n.longValue() : 0;
        return new Costs(onBattery, m == METERED_YES || m == METERED_GUESS_YES);
    }

    private Object property(String service, String path, String name) {
        try {
            return bus.getRemoteObject(service, path, Properties.class).Get(service, name);
        } catch (DBusException | RuntimeException e) {
            return null; // not running here: no battery to save, no metered link known
        }
    }

    @Override
    public void close() {
        try {
            bus.close();
        } catch (IOException e) {
            LOG.debug("closing the system bus connection: {}", e.getMessage());
        }
    }
}
