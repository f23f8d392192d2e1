package dev.tidesync.app.tray;

import java.util.List;

/** One line of the tray menu, independent of the toolkit that draws it. */
public sealed interface MenuEntry {

    record Item(String label, boolean enabled, Runnable action) implements MenuEntry {}

    record Submenu(String label, List<MenuEntry> entries) implements MenuEntry {
        public Submenu {
            entries = List.copyOf(entries);
        }
    }

    record Separator() implements MenuEntry {}

    /** A line that only informs ("Everything is in sync"). */
    static Item info(String label) {
        return new Item(label, false, () -> { });
    }
}
