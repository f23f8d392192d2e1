package dev.tidesync.app.os;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import dev.tidesync.app.status.TrayState;
import dev.tidesync.app.tray.MenuEntry;
import dev.tidesync.app.tray.TrayIcons;
import java.awt.SystemTray;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;

/**
 * The tray icon through FXTrayIcon (AWT's SystemTray underneath). Icons are drawn at the size
 * the tray asks for, so they stay crisp; the menu is rebuilt only when its text changes, so a
 * busy engine does not keep the desktop shell redrawing it.
 */
public final class FxTray implements Tray {

    private final FXTrayIcon icon;
    private final int width;
    private final int height;
    private TrayState shownState;
    private int shownFrame = -1;
    private List<String> shownMenu = List.of();
    private String shownTooltip = "";

    private FxTray(FXTrayIcon icon, int width, int height) {
        this.icon = icon;
        this.width = width;
        this.height = height;
    }

    /** Empty where the desktop has no tray (GNOME without AppIndicator, a headless session). */
    public static Optional<Tray> create(Stage owner) {
        try {
            if (!FXTrayIcon.isSupported()) {
                return Optional.empty();
            }
            java.awt.Dimension size = SystemTray.getSystemTray().getTrayIconSize();
            int w = Math.max(16, size.width);
            int h = Math.max(16, size.height);
            FXTrayIcon icon = new FXTrayIcon(owner, TrayIcons.render(TrayState.SYNCED, Math.min(w, h), 0), w, h);
            icon.setApplicationTitle("Tidesync");
            icon.show();
            return Optional.of(new FxTray(icon, w, h));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // HeadlessException, UnsupportedOperationException, a missing AWT library
        }
    }

    @Override
    public void show(TrayState state, int frame) {
        if (state == shownState && frame == shownFrame) {
            return;
        }
        shownState = state;
        shownFrame = frame;
        icon.setGraphic(TrayIcons.render(state, Math.min(width, height), frame), width, height);
    }

    @Override
    public void tooltip(String text) {
        if (!text.equals(shownTooltip)) {
            shownTooltip = text;
            icon.setTooltip(text);
        }
    }

    @Override
    public void menu(List<MenuEntry> entries) {
        List<String> labels = describe(entries);
        if (labels.equals(shownMenu)) {
            return;
        }
        shownMenu = labels;
        icon.clear();
        for (MenuEntry e : entries) {
            if (e instanceof MenuEntry.Separator) {
                icon.addSeparator();
            } else {
                icon.addMenuItem(toFx(e));
            }
        }
    }

    private static MenuItem toFx(MenuEntry entry) {
        return switch (entry) {
            case MenuEntry.Item i -> {
                MenuItem item = new MenuItem(i.label());
                item.setDisable(!i.enabled());
                item.setOnAction(e -> i.action().run());
                yield item;
            }
            case MenuEntry.Submenu s -> {
                Menu menu = new Menu(s.label());
                s.entries().forEach(child -> menu.getItems().add(child instanceof MenuEntry.Separator ? new SeparatorMenuItem() : toFx(child)));
                yield menu;
            }
            case MenuEntry.Separator s -> new SeparatorMenuItem();
        };
    }

    /** The menu's text and enabled flags: what decides whether it must be rebuilt. */
    static List<String> describe(List<MenuEntry> entries) {
        return entries.stream().map(e -> switch (e) {
            case MenuEntry.Item i -> i.label() + (i.enabled() ? "" : " (off)");
            case MenuEntry.Submenu s -> s.label() + " " + describe(s.entries());
            case MenuEntry.Separator s -> "—";
        }).toList();
    }

    @Override
    public void onOpen(Runnable action) {
        icon.setOnAction(e -> action.run());
    }

    @Override
    public void message(String title, String text, boolean urgent) {
        if (urgent) {
            icon.showWarningMessage(title, text);
        } else {
            icon.showInfoMessage(title, text);
        }
    }

    @Override
    public boolean embedded() {
        return icon.isShowing();
    }

    @Override
    public void close() {
        icon.hide();
    }
}
