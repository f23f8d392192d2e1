package dev.tidesync.app.os;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import dev.tidesync.app.status.TrayState;
import dev.tidesync.app.tray.MenuEntry;
import dev.tidesync.app.tray.TrayIcons;
import java.awt.SystemTray;
import java.awt.image.BaseMultiResolutionImage;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The tray icon through FXTrayIcon (AWT's SystemTray underneath). Icons come at the size the tray
 * asks for, so they stay crisp (template images on macOS); the menu is rebuilt only when its text changes, so a
 * busy engine does not keep the desktop shell redrawing it.
 */
public final class FxTray implements Tray {

    private static final boolean MAC = System.getProperty("os.name", "").startsWith("Mac");

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
            if (MAC) {
                // Template images: macOS tints them for light and dark menu bars (TrayIcon's documented switch).
                System.setProperty("apple.awt.enableTemplateImages", "true");
            }
            java.awt.Dimension size = SystemTray.getSystemTray().getTrayIconSize();
            int w = Math.max(16, size.width);
            int h = Math.max(16, size.height);
            FXTrayIcon icon = new FXTrayIcon(owner, image(TrayState.SYNCED, 0, Math.min(w, h)), w, h);
            icon.setApplicationTitle("Tidesync");
            icon.noDefaultAction(); // the owner stage is invisible on purpose
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
        icon.setGraphic(image(state, frame, Math.min(width, height)), width, height);
    }

    private static java.awt.Image image(TrayState state, int frame, int size) {
        if (MAC) { // 18 pt, with the 2x bitmap for Retina screens
            return new BaseMultiResolutionImage(TrayIcons.template(state, frame, false), TrayIcons.template(state, frame, true));
        }
        return TrayIcons.render(state, size, frame);
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
        // Built as an AWT menu directly: FXTrayIcon moves submenus to the end, and the order matters here.
        java.awt.TrayIcon awt = icon.getRestricted().getTrayIcon();
        java.awt.EventQueue.invokeLater(() -> {
            java.awt.PopupMenu popup = new java.awt.PopupMenu();
            entries.forEach(e -> add(popup, e));
            awt.setPopupMenu(popup);
        });
    }

    private static void add(java.awt.Menu parent, MenuEntry entry) {
        switch (entry) {
            case MenuEntry.Item i -> {
                java.awt.MenuItem item = new java.awt.MenuItem(i.label());
                item.setEnabled(i.enabled());
                item.addActionListener(e -> Platform.runLater(i.action()));
                parent.add(item);
            }
            case MenuEntry.Submenu s -> {
                java.awt.Menu menu = new java.awt.Menu(s.label());
                s.entries().forEach(child -> add(menu, child));
                parent.add(menu);
            }
            case MenuEntry.Separator s -> parent.addSeparator();
        }
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
        // FXTrayIcon's own click handler fires for every button, so the menu's right click would open the panel too.
        icon.getRestricted().getTrayIcon().addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                if (e.getButton() == java.awt.event.MouseEvent.BUTTON1 && !e.isPopupTrigger()) {
                    javafx.application.Platform.runLater(action);
                }
            }
        });
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
    public void close() {
        icon.hide();
    }
}
