package dev.tidesync.app.os;

import dev.tidesync.app.status.TrayState;
import dev.tidesync.app.tray.MenuEntry;
import java.util.List;

/** The icon in the system tray or menu bar. Call on the FX thread. */
public interface Tray extends AutoCloseable {

    /** Shows the state's look; {@code frame} animates syncing. */
    void show(TrayState state, int frame);

    void tooltip(String text);

    void menu(List<MenuEntry> entries);

    /** A left click (where the desktop reports one). */
    void onOpen(Runnable action);

    /** A short message from the icon itself (Windows toasts, macOS Notification Center). */
    void message(String title, String text, boolean urgent);

    @Override
    void close();
}
