package dev.tidesync.app;

import java.awt.MouseInfo;
import java.awt.Point;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * The app's windows: an invisible owner (popups need one; the app has no main window), the
 * status panel as a popup by the tray or as the main window where there is no tray, and one
 * window each for history, settings and every conflict.
 */
final class Windows {

    /** The app icon for title bars and task switchers; the window system picks the size it wants. */
    static final List<Image> ICONS = appIcons();

    private final Stage owner;
    private final Map<String, Stage> open = new HashMap<>();
    private Stage panel;
    private boolean panelIsMainWindow;

    Windows(Stage owner) {
        this.owner = owner;
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
    }

    void togglePanel() {
        if (panel.isShowing() && !panelIsMainWindow) {
            panel.hide();
        } else {
            showPanel();
        }
    }

    void showPanel() {
        if (!panelIsMainWindow) {
            placeNearPointer(panel);
        }
        panel.show();
        panel.toFront();
        panel.requestFocus();
    }

    /** The tray is at a screen edge; open where the user clicked, kept on screen. */
    private static void placeNearPointer(Stage stage) {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        double w = Double.isNaN(stage.getWidth()) ? root.prefWidth(-1) : stage.getWidth();
        double h = Double.isNaN(stage.getHeight()) ? root.prefHeight(w) : stage.getHeight();
        Point p;
        try {
            p = MouseInfo.getPointerInfo().getLocation();
        } catch (RuntimeException e) {
            p = null;
        }
        Rectangle2D bounds = p == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(p.x, p.y, 1, 1).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double x = p == null ? bounds.getMaxX() - w - 8 : p.x - w / 2;
        double y = p == null ? bounds.getMinY() + 8 : (p.y > bounds.getMinY() + bounds.getHeight() / 2 ? p.y - h - 8 : p.y + 8);
        stage.setX(Math.clamp(x, bounds.getMinX() + 4, bounds.getMaxX() - w - 4));
        stage.setY(Math.clamp(y, bounds.getMinY() + 4, bounds.getMaxY() - h - 4));
    }

    /** Brings the window named {@code key} to the front, creating it once. */
    Stage window(String key, String title, Supplier<Parent> content) {
        return window(key, title, content, -1, -1);
    }

    /** As {@link #window(String, String, Supplier)}, at a size that fits a small laptop screen. */
    Stage window(String key, String title, Supplier<Parent> content, double width, double height) {
        Stage stage = open.get(key);
        if (stage == null) {
            stage = new Stage();
            stage.setTitle(title);
            stage.getIcons().setAll(ICONS);
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setScene(width > 0 ? new Scene(content.get(), Math.min(width, screen.getWidth() - 40), Math.min(height, screen.getHeight() - 40))
                    : new Scene(content.get()));
            Stage created = stage;
            stage.setOnHidden(e -> open.remove(key, created));
            open.put(key, stage);
        }
        stage.show();
        stage.toFront();
        stage.requestFocus();
        return stage;
    }

    Optional<Stage> find(String key) {
        return Optional.ofNullable(open.get(key));
    }

    void close(String key) {
        Optional.ofNullable(open.get(key)).ifPresent(Stage::close);
    }

    void error(String title, String sentence) {
        Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
        alert.initOwner(owner);
        centerOnScreen(alert);
        alert.setTitle("Tidesync");
        alert.setHeaderText(title);
        alert.show();
    }

    boolean confirm(String title, String sentence, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonType.OK.getButtonData());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, sentence, ok, ButtonType.CANCEL);
        alert.initOwner(owner);
        centerOnScreen(alert);
        alert.setTitle("Tidesync");
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ok).isPresent();
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
