package dev.tidesync.app.os.sni;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusBoundProperty;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * The freedesktop StatusNotifierItem, as KDE named it: the tray icon that Plasma, GNOME's
 * AppIndicator extension, XFCE, Cinnamon, Budgie and waybar show, on X11 and Wayland alike.
 * Property and method names are the specification's.
 */
@DBusInterfaceName("org.kde.StatusNotifierItem")
@SuppressWarnings("checkstyle:MethodName")
public interface StatusNotifierItem extends DBusInterface {

    @DBusBoundProperty(access = Access.READ, name = "Category")
    String getCategory();

    @DBusBoundProperty(access = Access.READ, name = "Id")
    String getId();

    @DBusBoundProperty(access = Access.READ, name = "Title")
    String getTitle();

    /** Passive, Active or NeedsAttention. */
    @DBusBoundProperty(access = Access.READ, name = "Status")
    String getStatus();

    @DBusBoundProperty(access = Access.READ, name = "WindowId")
    int getWindowId();

    @DBusBoundProperty(access = Access.READ, name = "IconName")
    String getIconName();

    @DBusBoundProperty(access = Access.READ, name = "IconThemePath")
    String getIconThemePath();

    @DBusBoundProperty(access = Access.READ, name = "IconPixmap")
    List<Pixmap> getIconPixmap();

    @DBusBoundProperty(access = Access.READ, name = "OverlayIconName")
    String getOverlayIconName();

    @DBusBoundProperty(access = Access.READ, name = "OverlayIconPixmap")
    List<Pixmap> getOverlayIconPixmap();

    @DBusBoundProperty(access = Access.READ, name = "AttentionIconName")
    String getAttentionIconName();

    @DBusBoundProperty(access = Access.READ, name = "AttentionIconPixmap")
    List<Pixmap> getAttentionIconPixmap();

    @DBusBoundProperty(access = Access.READ, name = "AttentionMovieName")
    String getAttentionMovieName();

    @DBusBoundProperty(access = Access.READ, name = "ToolTip")
    ToolTip getToolTip();

    /** False: a left click activates (opens the panel) and the menu comes on a right click. */
    @DBusBoundProperty(access = Access.READ, name = "ItemIsMenu")
    boolean isItemIsMenu();

    @DBusBoundProperty(access = Access.READ, name = "Menu")
    DBusPath getMenu();

    void Activate(int x, int y);

    void SecondaryActivate(int x, int y);

    void ContextMenu(int x, int y);

    void Scroll(int delta, String orientation);

    /** One bitmap: width, height and ARGB32 pixels in network byte order. */
    final class Pixmap extends Struct {
        @Position(0)
        public final int width;
        @Position(1)
        public final int height;
        @Position(2)
        public final byte[] argb;

        public Pixmap(int width, int height, byte[] argb) {
            this.width = width;
            this.height = height;
            this.argb = argb;
        }
    }

    /** (icon name, icon pixmaps, title, description). */
    final class ToolTip extends Struct {
        @Position(0)
        public final String iconName;
        @Position(1)
        public final List<Pixmap> icon;
        @Position(2)
        public final String title;
        @Position(3)
        public final String description;

        public ToolTip(String iconName, List<Pixmap> icon, String title, String description) {
            this.iconName = iconName;
            this.icon = icon;
            this.title = title;
            this.description = description;
        }
    }

    final class NewIcon extends DBusSignal {
        public NewIcon(String path) throws DBusException {
            super(path);
        }
    }

    final class NewToolTip extends DBusSignal {
        public NewToolTip(String path) throws DBusException {
            super(path);
        }
    }

    final class NewTitle extends DBusSignal {
        public NewTitle(String path) throws DBusException {
            super(path);
        }
    }

    final class NewStatus extends DBusSignal {
        public final String status;

        public NewStatus(String path, String status) throws DBusException {
            super(path, status);
            this.status = status;
        }
    }
}
