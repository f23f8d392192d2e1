package dev.tidesync.app.os.awt;

import com.dustinredmond.fxtrayicon.FXTrayIcon;
import dev.tidesync.app.status.TrayState;
import dev.tidesync.app.tray.IconImage;
import dev.tidesync.app.tray.MenuEntry;
import dev.tidesync.app.tray.Tray;
import dev.tidesync.app.tray.TrayIcons;
import dev.tidesync.io.OperatingSystem;
import java.awt.SystemTray;
import java.awt.image.BaseMultiResolutionImage;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.stage.Stage;

/**
 * The tray icon through FXTrayIcon (AWT's SystemTray underneath): Windows, macOS, and Linux
 * desktops that have an XEmbed tray but no StatusNotifierWatcher. Icons come at the size the
 * tray asks for (template images on macOS). The menu is built once and its labels are changed
 * in place; it is rebuilt only when its shape changes, so neither the desktop shell nor AWT's
 * native peers churn with every state change.
 */
public final class FxTray implements Tray {

    private static final boolean MAC = OperatingSystem.current() == OperatingSystem.MAC;

    private final FXTrayIcon icon;
    private final int width;
    private final int height;
    private TrayState shownState;
    private int shownFrame = -1;
    private List<String> shownShape = List.of();
    private List<String> shownMenu = List.of();
    private java.awt.PopupMenu popup;
    private String shownTooltip = "";
    private volatile boolean closed;

    private FxTray(FXTrayIcon icon, int width, int height) {
        this.icon = icon;
        this.width = width;
        this.height = height;
    }

    /** Empty where the desktop has no tray AWT can reach (no XEmbed host, a headless session). */
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
            FxTray tray = new FxTray(icon, w, h);
            tray.reattachWhenTheTrayReturns();
            return Optional.of(tray);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // HeadlessException, UnsupportedOperationException, a missing AWT library
        }
    }

    /**
     * An XEmbed tray that restarts (a panel crash, a new session of trayer) is a new tray: AWT
     * says so through the "systemTray" property but does not put the icon back by itself.
     */
    private void reattachWhenTheTrayReturns() {
        // When the tray goes away, AWT's own peer asks for the tray it no longer has and throws on
        // its event thread; that is the tray leaving, not a fault: note it quietly, print the rest.
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof UnsupportedOperationException && java.util.Arrays.stream(e.getStackTrace())
                    .anyMatch(f -> f.getClassName().startsWith("sun.awt.X11.XTrayIconPeer"))) {
                org.slf4j.LoggerFactory.getLogger(FxTray.class).info("the system tray went away; the icon rejoins it when it is back");
            } else if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });
        SystemTray.getSystemTray().addPropertyChangeListener("systemTray", e -> {
            if (e.getNewValue() instanceof SystemTray tray && !closed) {
                java.awt.TrayIcon awt = icon.getRestricted().getTrayIcon();
                java.awt.EventQueue.invokeLater(() -> {
                    try {
                        tray.remove(awt);
                        tray.add(awt);
                    } catch (java.awt.AWTException | RuntimeException ex) { // the tray went away again meanwhile
                        org.slf4j.LoggerFactory.getLogger(FxTray.class).warn("the tray came back but the icon could not rejoin it: {}",
                                ex.getMessage());
                    }
                });
            }
        });
    }

    @Override
    public String describe() {
        return MAC || OperatingSystem.current() == OperatingSystem.WINDOWS ? "the system tray (AWT)" : "an XEmbed system tray (AWT, no StatusNotifierWatcher found)";
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
            return new BaseMultiResolutionImage(awt(TrayIcons.template(state, frame, false)), awt(TrayIcons.template(state, frame, true)));
        }
        return awt(TrayIcons.render(state, size, frame));
    }

    static BufferedImage awt(IconImage image) {
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        return out;
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
        List<String> shape = shape(entries);
        boolean rebuild = popup == null || !shape.equals(shownShape);
        shownShape = shape;
        java.awt.TrayIcon awt = icon.getRestricted().getTrayIcon();
        java.awt.EventQueue.invokeLater(() -> {
            if (rebuild) {
                // Built as an AWT menu directly: FXTrayIcon moves submenus to the end, and the order matters here.
                java.awt.PopupMenu next = new java.awt.PopupMenu();
                entries.forEach(e -> add(next, e));
                awt.setPopupMenu(next);
                popup = next;
            } else {
                relabel(popup, entries);
            }
        });
    }

    private static void add(java.awt.Menu parent, MenuEntry entry) {
        switch (entry) {
            case MenuEntry.Item i -> {
                ActionItem item = new ActionItem(i.label());
                item.setEnabled(i.enabled());
                item.action = i.action();
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

    /** Same shape, new words: the peers stay, only labels, enabled flags and actions change. */
    private static void relabel(java.awt.Menu parent, List<MenuEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            java.awt.MenuItem awt = parent.getItem(i);
            switch (entries.get(i)) {
                case MenuEntry.Item item -> {
                    awt.setLabel(item.label());
                    awt.setEnabled(item.enabled());
                    ((ActionItem) awt).action = item.action();
                }
                case MenuEntry.Submenu s -> {
                    awt.setLabel(s.label());
                    relabel((java.awt.Menu) awt, s.entries());
                }
                case MenuEntry.Separator s -> { }
            }
        }
    }

    /** A menu item whose action can be swapped when its label changes, keeping its native peer. */
    private static final class ActionItem extends java.awt.MenuItem {
        volatile Runnable action = () -> { };

        ActionItem(String label) {
            super(label);
            addActionListener(e -> Platform.runLater(action));
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

    /** The menu's structure without its words: items, submenus (with theirs) and separators. */
    static List<String> shape(List<MenuEntry> entries) {
        return entries.stream().map(e -> switch (e) {
            case MenuEntry.Item i -> "item";
            case MenuEntry.Submenu s -> "menu" + shape(s.entries());
            case MenuEntry.Separator s -> "—";
        }).toList();
    }

    @Override
    public void onOpen(Consumer<Optional<Point2D>> action) {
        // FXTrayIcon's own click handler fires for every button, so the menu's right click would open the panel too.
        icon.getRestricted().getTrayIcon().addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                if (e.getButton() == java.awt.event.MouseEvent.BUTTON1 && !e.isPopupTrigger()) {
                    Point2D at = new Point2D(e.getXOnScreen(), e.getYOnScreen());
                    Platform.runLater(() -> action.accept(Optional.of(at)));
                }
            }
        });
    }

    @Override
    public boolean showsMessages() {
        return MAC || OperatingSystem.current() == OperatingSystem.WINDOWS;
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
        closed = true;
        icon.hide();
    }
}
