package dev.tidesync.app.tray;

import dev.tidesync.app.status.TrayState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Point2D;

/** A tray that records what it was asked to show, for specs of what drives it. */
public final class FakeTray implements Tray {

    public final List<TrayState> shown = new ArrayList<>();
    public final List<String> tooltips = new ArrayList<>();
    public final List<List<MenuEntry>> menus = new ArrayList<>();
    public Consumer<Optional<Point2D>> open = p -> { };
    public boolean closed;

    @Override
    public String describe() {
        return "a fake tray";
    }

    @Override
    public void show(TrayState state, int frame) {
        shown.add(state);
    }

    @Override
    public void tooltip(String text) {
        tooltips.add(text);
    }

    @Override
    public void menu(List<MenuEntry> entries) {
        menus.add(entries);
    }

    @Override
    public void onOpen(Consumer<Optional<Point2D>> action) {
        open = action;
    }

    @Override
    public boolean showsMessages() {
        return false;
    }

    @Override
    public void message(String title, String text, boolean urgent) {
        throw new UnsupportedOperationException("this tray shows no messages");
    }

    @Override
    public void close() {
        closed = true;
    }

    public TrayState lastShown() {
        return shown.getLast();
    }
}
