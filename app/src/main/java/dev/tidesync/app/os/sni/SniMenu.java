package dev.tidesync.app.os.sni;

import dev.tidesync.app.tray.MenuEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.freedesktop.dbus.errors.InvalidMethodArgument;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The tray menu, exported at {@link #PATH} for the panel to draw. A click names an item by the
 * number it had in the layout the panel last fetched, so clicks resolve against that revision,
 * not against a newer one the panel has not seen yet: the user gets what they clicked.
 */
final class SniMenu implements DbusMenu {

    static final String PATH = "/MenuBar";

    private final Consumer<Runnable> onClick;
    private final Consumer<LayoutUpdated> signals;
    private volatile MenuModel current = MenuModel.empty();
    private volatile MenuModel served = current;

    /**
     * @param onClick runs a clicked item's action (on the FX thread, in the app)
     * @param signals sends a signal on the bus
     */
    SniMenu(Consumer<Runnable> onClick, Consumer<LayoutUpdated> signals) {
        this.onClick = onClick;
        this.signals = signals;
    }

    /** Replaces the menu and tells the panel to fetch it again. */
    void update(List<MenuEntry> entries) {
        MenuModel next = MenuModel.of(entries, current.revision() + 1);
        if (next.sameLayoutAs(current)) {
            // Same labels and states: keep the revision, so the panel is not asked to fetch every item again.
            MenuModel same = MenuModel.of(entries, current.revision());
            if (served == current) {
                served = same; // what the panel shows is this layout: clicks get the newest actions
            }
            current = same;
            return;
        }
        current = next;
        try {
            signals.accept(new LayoutUpdated(PATH, new UInt32(next.revision()), 0));
        } catch (DBusException e) {
            throw new IllegalStateException("cannot build the LayoutUpdated signal", e);
        }
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public UInt32 getVersion() {
        return new UInt32(3);
    }

    @Override
    public String getTextDirection() {
        return "ltr";
    }

    @Override
    public String getStatus() {
        return "normal";
    }

    @Override
    public List<String> getIconThemePath() {
        return List.of();
    }

    @Override
    public Layout<UInt32, Item> GetLayout(int parentId, int recursionDepth, List<String> propertyNames) {
        MenuModel model = current;
        served = model;
        Item root = model.layout(parentId, recursionDepth, propertyNames)
                .orElseThrow(() -> new InvalidMethodArgument("no menu item " + parentId));
        return new Layout<>(new UInt32(model.revision()), root);
    }

    @Override
    public List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
        MenuModel model = served;
        Set<String> names = propertyNames.isEmpty() ? null : Set.copyOf(propertyNames);
        List<ItemProperties> out = new ArrayList<>();
        for (int id : ids) {
            model.node(id).ifPresent(n -> out.add(new ItemProperties(id, model.properties(n, names))));
        }
        return out;
    }

    @Override
    public Variant<?> GetProperty(int id, String name) {
        return served.node(id).map(n -> n.properties().get(name))
                .orElseThrow(() -> new InvalidMethodArgument("no property " + name + " on menu item " + id));
    }

    @Override
    public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
        if (!click(id, eventId)) {
            throw new InvalidMethodArgument("no menu item " + id);
        }
    }

    @Override
    public List<Integer> EventGroup(List<EventCall> events) {
        List<Integer> unknown = new ArrayList<>();
        for (EventCall e : events) {
            if (!click(e.id, e.eventId)) {
                unknown.add(e.id);
            }
        }
        return unknown;
    }

    /** Runs the item's action for a click; true when the item exists in what the panel shows. */
    private boolean click(int id, String eventId) {
        Optional<MenuModel.Node> node = served.node(id);
        if (node.isEmpty()) {
            return false;
        }
        if ("clicked".equals(eventId)) {
            node.get().action().ifPresent(onClick);
        }
        return true;
    }

    @Override
    public boolean AboutToShow(int id) {
        return current.revision() != served.revision();
    }

    @Override
    public Updates<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids) {
        boolean stale = current.revision() != served.revision();
        List<Integer> missing = ids.stream().filter(id -> served.node(id).isEmpty()).toList();
        return new Updates<>(stale ? List.of(0) : List.of(), missing);
    }

    @Override
    public boolean isRemote() {
        return false;
    }
}
