package dev.tidesync.app.os.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The desktop's notification server, as the freedesktop.org Desktop Notifications spec (1.2) defines it. */
@DBusInterfaceName("org.freedesktop.Notifications")
@SuppressWarnings("checkstyle:MethodName")
public interface Notifications extends DBusInterface {

    String BUS_NAME = "org.freedesktop.Notifications";
    String PATH = "/org/freedesktop/Notifications";

    /** "actions", "body", "body-markup", "persistence", …: what this server can show. */
    List<String> GetCapabilities();

    /**
     * @param actions       pairs of key and label; the key "default" is what clicking the notification does
     * @param expireTimeout milliseconds; -1 the server's default, 0 until the user closes it
     */
    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                  Map<String, Variant<?>> hints, int expireTimeout);

    void CloseNotification(UInt32 id);

    /** The user clicked an action (or the notification, for "default"). */
    final class ActionInvoked extends DBusSignal {
        public final UInt32 id;
        public final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }
    }

    /** @param reason 1 expired, 2 dismissed by the user, 3 closed by a call, 4 undefined */
    final class NotificationClosed extends DBusSignal {
        public final UInt32 id;
        public final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }
    }
}
