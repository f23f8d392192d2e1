package dev.tidesync.app.tray;

import dev.tidesync.app.status.TrayState;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Point2D;

/**
 * The icon in the system tray or menu bar, whichever way this desktop shows one. Call on the FX
 * thread; implementations hand the work on and never block it.
 */
public interface Tray extends AutoCloseable {

    /** Which kind of tray this is, for the log, the about box and {@code tidesync doctor}. */
    String describe();

    /** Shows the state's look; {@code frame} animates syncing. */
    void show(TrayState state, int frame);

    void tooltip(String text);

    void menu(List<MenuEntry> entries);

    /** A left click, with the point on the screen where the desktop says it happened (if it says). */
    void onOpen(Consumer<Optional<Point2D>> action);

    /** Whether {@link #message} shows anything (Windows balloons, macOS Notification Center). */
    boolean showsMessages();

    /** A short message from the icon itself, where {@link #showsMessages()}. */
    void message(String title, String text, boolean urgent);

    @Override
    void close();
}
