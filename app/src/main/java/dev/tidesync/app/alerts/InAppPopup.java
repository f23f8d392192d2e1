package dev.tidesync.app.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The app's own alert, for desktops with no notification server: a small window at the top right
 * of the screen with the whole text (it wraps, never cut off) and the alert's actions. Several
 * stack downwards instead of covering each other. Call on the FX thread.
 */
final class InAppPopup {

    static final double WIDTH = 380;
    private static final double MARGIN = 12;

    private final Window owner;
    private final List<Stage> open = new ArrayList<>();

    InAppPopup(Window owner) {
        this.owner = owner;
    }

    void show(Alert alert, Consumer<Alert.Action> chosen) {
        Stage stage = new Stage(StageStyle.UNDECORATED);
        if (owner != null) {
            stage.initOwner(owner); // no taskbar entry of its own
        }
        stage.setAlwaysOnTop(true);
        stage.setTitle("Tidesync: " + alert.title());

        Label title = new Label(alert.title());
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label text = new Label(alert.text());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Button close = new Button("×");
        close.setId("popup-close");
        close.setOnAction(e -> close(stage));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, close);
        head.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(title, Priority.SOMETIMES);
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        for (Alert.Action a : alert.actions()) {
            Button b = new Button(a.label());
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                close(stage);
                chosen.accept(a);
            });
            buttons.getChildren().add(b);
        }
        if (!buttons.getChildren().isEmpty()) {
            ((Button) buttons.getChildren().getFirst()).setDefaultButton(true);
        }
        VBox box = new VBox(8, head, text, buttons);
        box.setPadding(new Insets(12));
        box.setPrefWidth(WIDTH);
        box.getStyleClass().add("tidesync-popup");
        box.setStyle("-fx-border-color: " + (alert.urgent() ? "#E3882D" : "#2B9C9C") + "; -fx-border-width: 0 0 0 4;"
                + " -fx-background-color: -fx-background;");
        stage.setScene(new Scene(box));
        place(stage);
        open.add(stage);
        stage.show();
        PauseTransition later = new PauseTransition(alert.urgent() ? Duration.seconds(30) : Duration.seconds(8));
        later.setOnFinished(e -> close(stage));
        later.play();
    }

    /** Below the ones already shown, at the top right of the screen's usable area. */
    private void place(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double y = screen.getMinY() + MARGIN;
        for (Stage s : open) {
            y = Math.max(y, s.getY() + s.getHeight() + MARGIN);
        }
        stage.setX(screen.getMaxX() - WIDTH - MARGIN);
        stage.setY(y);
    }

    private void close(Stage stage) {
        open.remove(stage);
        stage.close();
    }

    /** For specs: the popups showing now. */
    List<Stage> showing() {
        return List.copyOf(open);
    }
}
