package dev.tidesync.app.os.sni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesync.app.tray.MenuEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The panel fetches every menu item again on LayoutUpdated, so the menu says it changed only when it did. */
class SniMenuTest {

    private final List<DbusMenu.LayoutUpdated> sent = new ArrayList<>();
    private final List<String> clicked = new ArrayList<>();
    private final SniMenu menu = new SniMenu(Runnable::run, sent::add);

    private List<MenuEntry> entries(String label, String what) {
        return List.of(MenuEntry.info("All synced"), new MenuEntry.Item(label, true, () -> clicked.add(what)));
    }

    @Test
    void theSameLabelsAgainSendNothingButTheNewestActionsAnswerClicks() throws Exception {
        menu.update(entries("notes — synced just now", "first"));
        menu.GetLayout(0, -1, List.of());

        menu.update(entries("notes — synced just now", "second"));
        menu.Event(2, "clicked", new org.freedesktop.dbus.types.Variant<>(""), new org.freedesktop.dbus.types.UInt32(0));

        assertThat(sent).hasSize(1);
        assertThat(clicked).containsExactly("second");
    }

    @Test
    void aChangedLabelSendsTheNextRevision() {
        menu.update(entries("notes — synced just now", "a"));
        menu.update(entries("notes — synced 1 min ago", "a"));

        assertThat(sent).extracting(s -> s.revision.longValue()).containsExactly(1L, 2L);
    }
}
