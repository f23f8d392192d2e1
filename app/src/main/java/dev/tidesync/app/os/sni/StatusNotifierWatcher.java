package dev.tidesync.app.os.sni;

import java.util.List;
import org.freedesktop.dbus.annotations.DBusBoundProperty;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/** The desktop's registry of tray items, owned by the panel (or a proxy such as snixembed). */
@DBusInterfaceName("org.kde.StatusNotifierWatcher")
@SuppressWarnings("checkstyle:MethodName")
public interface StatusNotifierWatcher extends DBusInterface {

    String BUS_NAME = "org.kde.StatusNotifierWatcher";
    String PATH = "/StatusNotifierWatcher";

    /** @param service the item's bus name (or its object path, which means: the sender's unique name) */
    void RegisterStatusNotifierItem(String service);

    void RegisterStatusNotifierHost(String service);

    @DBusBoundProperty(access = Access.READ, name = "RegisteredStatusNotifierItems")
    List<String> getRegisteredStatusNotifierItems();

    @DBusBoundProperty(access = Access.READ, name = "IsStatusNotifierHostRegistered")
    boolean isIsStatusNotifierHostRegistered();

    @DBusBoundProperty(access = Access.READ, name = "ProtocolVersion")
    int getProtocolVersion();

    final class StatusNotifierItemRegistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemRegistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    final class StatusNotifierItemUnregistered extends DBusSignal {
        public final String service;

        public StatusNotifierItemUnregistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }
    }

    final class StatusNotifierHostRegistered extends DBusSignal {
        public StatusNotifierHostRegistered(String path) throws DBusException {
            super(path);
        }
    }
}
