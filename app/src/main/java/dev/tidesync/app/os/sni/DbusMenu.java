package dev.tidesync.app.os.sni;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusBoundProperty;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Canonical's dbusmenu, version 3: how a StatusNotifierItem hands its menu to the panel, which
 * draws it in the desktop's own style. Names and signatures are the protocol's.
 */
@DBusInterfaceName("com.canonical.dbusmenu")
@SuppressWarnings("checkstyle:MethodName")
public interface DbusMenu extends DBusInterface {

    @DBusBoundProperty(access = Access.READ, name = "Version")
    UInt32 getVersion();

    @DBusBoundProperty(access = Access.READ, name = "TextDirection")
    String getTextDirection();

    @DBusBoundProperty(access = Access.READ, name = "Status")
    String getStatus();

    @DBusBoundProperty(access = Access.READ, name = "IconThemePath")
    List<String> getIconThemePath();

    /** (revision, (id, properties, children as variants of the same struct)). */
    Layout<UInt32, Item> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

    List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

    Variant<?> GetProperty(int id, String name);

    void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

    /** @return the ids that were not found */
    List<Integer> EventGroup(List<EventCall> events);

    boolean AboutToShow(int id);

    Updates<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids);

    /** GetLayout's two out values. */
    final class Layout<A, B> extends Tuple {
        @Position(0)
        public final A revision;
        @Position(1)
        public final B root;

        public Layout(A revision, B root) {
            this.revision = revision;
            this.root = root;
        }
    }

    /** AboutToShowGroup's two out values: ids whose layout changed, ids not found. */
    final class Updates<A, B> extends Tuple {
        @Position(0)
        public final A updatesNeeded;
        @Position(1)
        public final B idErrors;

        public Updates(A updatesNeeded, B idErrors) {
            this.updatesNeeded = updatesNeeded;
            this.idErrors = idErrors;
        }
    }

    /** (ia{sv}av): an item, its properties and its children, each child a variant of this struct. */
    final class Item extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;
        @Position(2)
        public final List<Variant<?>> children;

        public Item(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }
    }

    /** (ia{sv}). */
    final class ItemProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;

        public ItemProperties(int id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }
    }

    /** (isvu): one event of EventGroup. */
    final class EventCall extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final String eventId;
        @Position(2)
        public final Variant<?> data;
        @Position(3)
        public final UInt32 timestamp;

        public EventCall(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            this.id = id;
            this.eventId = eventId;
            this.data = data;
            this.timestamp = timestamp;
        }
    }

    final class LayoutUpdated extends DBusSignal {
        public final UInt32 revision;
        public final int parent;

        public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
            super(path, revision, parent);
            this.revision = revision;
            this.parent = parent;
        }
    }
}
