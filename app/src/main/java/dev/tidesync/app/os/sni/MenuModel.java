package dev.tidesync.app.os.sni;

import dev.tidesync.app.tray.MenuEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.freedesktop.dbus.types.Variant;

/**
 * One revision of the tray menu as dbusmenu sees it: numbered items (0 is the root), their
 * properties and children. Immutable; a changed menu is a new model with the next revision.
 */
final class MenuModel {

    /** One numbered item. Separators and info lines have no action. */
    record Node(int id, Map<String, Variant<?>> properties, List<Integer> children, Optional<Runnable> action) {}

    private final long revision;
    private final Map<Integer, Node> nodes;

    private MenuModel(long revision, Map<Integer, Node> nodes) {
        this.revision = revision;
        this.nodes = nodes;
    }

    static MenuModel empty() {
        return of(List.of(), 0);
    }

    /** Numbers the entries depth first, the root being 0. */
    static MenuModel of(List<MenuEntry> entries, long revision) {
        Map<Integer, Node> nodes = new HashMap<>();
        int[] next = {1};
        List<Integer> top = number(entries, nodes, next);
        nodes.put(0, new Node(0, Map.of("children-display", new Variant<>("submenu")), top, Optional.empty()));
        return new MenuModel(revision, Map.copyOf(nodes));
    }

    private static List<Integer> number(List<MenuEntry> entries, Map<Integer, Node> nodes, int[] next) {
        List<Integer> ids = new ArrayList<>();
        for (MenuEntry entry : entries) {
            int id = next[0]++;
            ids.add(id);
            Map<String, Variant<?>> props = new LinkedHashMap<>();
            switch (entry) {
                case MenuEntry.Item i -> {
                    props.put("label", new Variant<>(mnemonicSafe(i.label())));
                    props.put("enabled", new Variant<>(i.enabled()));
                    nodes.put(id, new Node(id, Map.copyOf(props), List.of(), i.enabled() ? Optional.of(i.action()) : Optional.empty()));
                }
                case MenuEntry.Submenu s -> {
                    props.put("label", new Variant<>(mnemonicSafe(s.label())));
                    props.put("children-display", new Variant<>("submenu"));
                    List<Integer> children = number(s.entries(), nodes, next);
                    nodes.put(id, new Node(id, Map.copyOf(props), children, Optional.empty()));
                }
                case MenuEntry.Separator s -> {
                    props.put("type", new Variant<>("separator"));
                    nodes.put(id, new Node(id, Map.copyOf(props), List.of(), Optional.empty()));
                }
            }
        }
        return ids;
    }

    /** dbusmenu reads an underscore as the mnemonic marker; "my_notes" must show as it is written. */
    static String mnemonicSafe(String label) {
        return label.replace("_", "__");
    }

    long revision() {
        return revision;
    }

    /** Whether the panel would draw both alike: the same items, labels, states and nesting (the actions aside). */
    boolean sameLayoutAs(MenuModel other) {
        if (!nodes.keySet().equals(other.nodes.keySet())) {
            return false;
        }
        for (Node n : nodes.values()) {
            Node o = other.nodes.get(n.id());
            if (!n.children().equals(o.children()) || !values(n.properties()).equals(values(o.properties()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> values(Map<String, Variant<?>> properties) {
        Map<String, Object> values = new HashMap<>();
        properties.forEach((k, v) -> values.put(k, v.getValue()));
        return values;
    }

    Optional<Node> node(int id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The layout under {@code id}, {@code depth} levels down (-1: all), with the named properties (none named: all). */
    Optional<DbusMenu.Item> layout(int id, int depth, List<String> names) {
        return node(id).map(n -> item(n, depth, names.isEmpty() ? null : Set.copyOf(names)));
    }

    private DbusMenu.Item item(Node n, int depth, Set<String> names) {
        List<Variant<?>> children = new ArrayList<>();
        if (depth != 0) {
            for (int child : n.children()) {
                children.add(new Variant<>(item(nodes.get(child), depth < 0 ? -1 : depth - 1, names), "(ia{sv}av)"));
            }
        }
        return new DbusMenu.Item(n.id(), properties(n, names), children);
    }

    Map<String, Variant<?>> properties(Node n, Set<String> names) {
        if (names == null) {
            return n.properties();
        }
        Map<String, Variant<?>> out = new LinkedHashMap<>();
        n.properties().forEach((k, v) -> {
            if (names.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
