package dev.tidesync.app.os.sni;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * A StatusNotifierWatcher of the spec's own, on its own bus connection: it records which items
 * register, as a panel's watcher would, and can go away and come back like a restarted panel.
 */
final class FakeWatcher implements StatusNotifierWatcher, AutoCloseable {

    final BlockingQueue<String> registrations = new LinkedBlockingQueue<>();
    private final List<String> items = new CopyOnWriteArrayList<>();
    private final DBusConnection bus;

    private FakeWatcher(DBusConnection bus) {
        this.bus = bus;
    }

    static FakeWatcher start(String address) throws DBusException {
        DBusConnection bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        FakeWatcher watcher = new FakeWatcher(bus);
        bus.exportObject(PATH, watcher);
        bus.requestBusName(BUS_NAME);
        return watcher;
    }

    @Override
    public void RegisterStatusNotifierItem(String service) {
        items.add(service);
        registrations.add(service);
    }

    @Override
    public void RegisterStatusNotifierHost(String service) {
        // the spec is the host
    }

    @Override
    public List<String> getRegisteredStatusNotifierItems() {
        return List.copyOf(items);
    }

    @Override
    public boolean isIsStatusNotifierHostRegistered() {
        return true;
    }

    @Override
    public int getProtocolVersion() {
        return 0;
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void close() {
        bus.disconnect();
    }
}
