package dev.tidesync.app;

import dev.tidesync.app.actions.Screens;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.HostServices;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * The app's windows: an invisible owner (popups need one; the app has no main window), the
 * status panel as a popup by the tray or as the main window where there is no tray, and one
 * window each for history, settings and every conflict.
 */
final class Windows implements Screens {

    /** The app icon for title bars and task switchers; the window system picks the size it wants. */
    static final List<Image> ICONS = appIcons();

    private final Stage owner;
    private final HostServices desktop;
    private final Map<String, Stage> open = new HashMap<>();
    private Stage panel;
    private boolean panelIsMainWindow;
    /** A show asked for before the engine was up and the panel existed: done once it does. */
    private Optional<Optional<Point2D>> pendingShow = Optional.empty();

    Windows(Stage owner, HostServices desktop) {
        this.owner = owner;
        this.desktop = desktop;
        owner.initStyle(StageStyle.UTILITY);
        owner.setOpacity(0);
        owner.setWidth(1);
        owner.setHeight(1);
        owner.setTitle("Tidesync");
        owner.getIcons().setAll(ICONS);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        owner.setX(screen.getMaxX() - 1);
        owner.setY(screen.getMaxY() - 1);
        owner.setScene(new Scene(new javafx.scene.layout.Pane()));
        owner.show();
    }

    Window owner() {
        return owner;
    }

    /** With a tray: a borderless panel by the pointer that hides when it loses focus. Without: the main window. */
    void statusPanel(Parent content, boolean asMainWindow, Runnable onCloseMainWindow) {
        panelIsMainWindow = asMainWindow;
        panel = new Stage(asMainWindow ? StageStyle.DECORATED : StageStyle.UNDECORATED);
        panel.getIcons().setAll(ICONS);
        panel.setTitle("Tidesync");
        panel.setScene(new Scene(content));
        if (asMainWindow) {
            panel.setOnCloseRequest(e -> onCloseMainWindow.run());
        } else {
            panel.initOwner(owner);
            panel.focusedProperty().subscribe(focused -> {
                if (!focused) {
                    panel.hide();
                }
            });
        }
        pendingShow.ifPresent(this::showPanel);
        pendingShow = Optional.empty();
    }

    /**
     * A tray came up after the app did (a panel slower than the app at login): the main window
     * stays where it is, but closing it now hides it, since the icon brings it back.
     */
    void trayArrived() {
        panelIsMainWindow = false;
        if (panel != null) {
            panel.setOnCloseRequest(e -> {
                e.consume();
                panel.hide();
            });
        }
    }

    /** A click on the tray: the panel opens at {@code at} (or the pointer), or closes if it is open. */
    void togglePanel(Optional<Point2D> at) {
        if (panel != null && panel.isShowing() && !panelIsMainWindow) {
            panel.hide();
        } else {
            showPanel(at);
        }
    }

    @Override
    public void panel() {
        showPanel(Optional.empty());
    }

    void showPanel(Optional<Point2D> at) {
        if (panel == null) {
            pendingShow = Optional.of(at); // still starting: shown as soon as there is a panel
            return;
        }
        if (!panelIsMainWindow) {
            placeNear(panel, at.or(Windows::pointer));
        }
        panel.show();
        panel.toFront();
        panel.requestFocus();
    }

    /** Where the pointer is, from JavaFX's own robot (no AWT: the Linux tray must not start it). */
    private static Optional<Point2D> pointer() {
        try {
            return Optional.of(new javafx.scene.robot.Robot().getMousePosition());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The tray is at a screen edge; open by the point the user clicked, kept on screen. */
    private static void placeNear(Stage stage, Optional<Point2D> point) {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        double w = Double.isNaN(stage.getWidth()) ? root.prefWidth(-1) : stage.getWidth();
        double h = Double.isNaN(stage.getHeight()) ? root.prefHeight(w) : stage.getHeight();
        Point2D p = point.orElse(null);
        Rectangle2D bounds = p == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(p.getX(), p.getY(), 1, 1).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double x = p == null ? bounds.getMaxX() - w - 8 : p.getX() - w / 2;
        double y = p == null ? bounds.getMinY() + 8
                : (p.getY() > bounds.getMinY() + bounds.getHeight() / 2 ? p.getY() - h - 8 : p.getY() + 8);
        stage.setX(Math.clamp(x, bounds.getMinX() + 4, Math.max(bounds.getMinX() + 4, bounds.getMaxX() - w - 4)));
        stage.setY(Math.clamp(y, bounds.getMinY() + 4, Math.max(bounds.getMinY() + 4, bounds.getMaxY() - h - 4)));
    }

    @Override
    public void window(String key, String title, Supplier<Parent> content, double width, double height, Runnable closed) {
        Stage stage = open.get(key);
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(title);
            stage.getIcons().setAll(ICONS);
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            Parent root = content.get();
            stage.setScene(new Scene(root));
            WindowSize.fit(stage, root, Math.max(width, 0), Math.max(height, 0), screen);
            Stage created = stage;
            stage.setOnHidden(e -> {
                open.remove(key, created);
                closed.run();
            });
            open.put(key, stage);
        }
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    @Override
    public void close(String key) {
        Optional.ofNullable(open.get(key)).ifPresent(Stage::close);
    }

    @Override
    public Optional<Path> chooseFolder(String title, String ownerKey) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(Optional.<Window>ofNullable(open.get(ownerKey)).orElse(owner))).map(java.io.File::toPath);
    }

    @Override
    public void open(String uri) {
        desktop.showDocument(uri);
    }

    @Override
    public void error(String title, String sentence) {
        Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
        alert.initOwner(owner);
        centerOnScreen(alert);
        alert.setTitle("Tidesync");
        alert.setHeaderText(title);
        alert.show();
    }

    @Override
    public void confirm(String title, String sentence, String yesLabel, Runnable yes) {
        ButtonType ok = new ButtonType(yesLabel, ButtonType.OK.getButtonData());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, sentence, ok, ButtonType.CANCEL);
        alert.initOwner(owner);
        centerOnScreen(alert);
        alert.setTitle("Tidesync");
        alert.setHeaderText(title);
        alert.setOnHidden(e -> {
            if (alert.getResult() == ok) {
                yes.run();
            }
        });
        alert.show();
    }

    /** A yes/no question that does not block the caller; closing it counts as no. */
    void ask(String title, String sentence, String yes, String no, java.util.function.Consumer<Boolean> answer) {
        ButtonType ok = new ButtonType(yes, ButtonType.OK.getButtonData());
        ButtonType cancel = new ButtonType(no, ButtonType.CANCEL.getButtonData());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, sentence, ok, cancel);
        alert.initOwner(owner);
        centerOnScreen(alert);
        alert.setTitle("Welcome to Tidesync");
        alert.setHeaderText(title);
        alert.setOnHidden(e -> answer.accept(alert.getResult() == ok));
        alert.show();
    }

    void closeAll() {
        open.values().forEach(Stage::close);
        if (panel != null) {
            panel.close();
        }
        owner.close();
    }

    /** The owner sits unseen in a screen corner; a dialog centred on it would hang off the screen. */
    private static void centerOnScreen(Alert alert) {
        alert.setOnShown(e -> javafx.application.Platform.runLater(() -> {
            Window dialog = alert.getDialogPane().getScene().getWindow();
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            dialog.setX(screen.getMinX() + (screen.getWidth() - dialog.getWidth()) / 2);
            dialog.setY(screen.getMinY() + (screen.getHeight() - dialog.getHeight()) / 3);
        }));
    }

    private static List<Image> appIcons() {
        List<Image> icons = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = Windows.class.getResourceAsStream("icons/tidesync-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // a window without its icon is no reason to fail
            }
        }
        return List.copyOf(icons);
    }
}
