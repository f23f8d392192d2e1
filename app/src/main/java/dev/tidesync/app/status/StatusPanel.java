package dev.tidesync.app.status;

import dev.tidesync.app.actions.AppActions;
import dev.tidesync.app.status.RowLook.RowAction;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The compact panel a left click on the tray opens (and the main window where there is no
 * tray): one row per repository with its state, branch, ahead/behind, last sync, message and
 * one action.
 */
public final class StatusPanel extends VBox {

    private final StatusViewModel model;
    private final AppActions actions;
    private final VBox list = new VBox(2);
    private final Label summary = new Label();
    /** Each row's node, kept while its row is unchanged: a burst of events redraws only what changed. */
    private final java.util.Map<java.nio.file.Path, Drawn> drawn = new java.util.HashMap<>();

    private record Drawn(RepoRow row, HBox node) {}

    public StatusPanel(StatusViewModel model, AppActions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().add("status-panel");
        setPadding(new Insets(12));
        setSpacing(10);
        setPrefWidth(440);

        summary.getStyleClass().add("summary");
        summary.setId("summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setStyle("-fx-font-weight: bold;");
        summary.textProperty().bind(model.tooltipProperty().map(t -> t.replaceFirst("^Tidesync: ", "")));
        Button syncAll = new Button("Sync all");
        syncAll.setId("sync-all");
        syncAll.setMinWidth(Region.USE_PREF_SIZE);
        syncAll.setOnAction(e -> actions.syncAll());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, summary, grow, syncAll);
        header.setAlignment(Pos.CENTER_LEFT);

        Label channel = new Label();
        channel.setId("channel");
        channel.getStyleClass().add("channel");
        channel.setWrapText(true);
        channel.setOpacity(0.75);
        channel.textProperty().bind(model.channelProperty());
        channel.visibleProperty().bind(model.channelProperty().isNotEmpty());
        channel.managedProperty().bind(channel.visibleProperty());

        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(440);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button history = new Button("Change log");
        history.setOnAction(e -> actions.showHistory(Optional.empty()));
        Button settings = new Button("Settings");
        settings.setOnAction(e -> actions.showSettings());
        HBox footer = new HBox(8, history, settings);

        getChildren().addAll(header, channel, scroll, footer);
        model.rows().addListener((ListChangeListener<RepoRow>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        if (model.rows().isEmpty()) {
            drawn.clear();
            Label empty = new Label("No repositories yet. Add one in Settings, or run `tidesync add PATH`.");
            empty.setWrapText(true);
            empty.setId("empty");
            list.getChildren().setAll(empty);
            return;
        }
        java.util.Map<java.nio.file.Path, Drawn> next = new java.util.HashMap<>();
        java.util.List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
        for (RepoRow row : model.rows()) {
            Drawn d = drawn.get(row.path());
            if (d == null || !d.row().equals(row)) {
                d = new Drawn(row, rowNode(row));
            }
            next.put(row.path(), d);
            nodes.add(d.node());
        }
        drawn.clear();
        drawn.putAll(next);
        if (!list.getChildren().equals(nodes)) {
            list.getChildren().setAll(nodes);
        }
    }

    private HBox rowNode(RepoRow row) {
        RowLook look = RowLook.of(row);
        Circle dot = new Circle(6, Color.web(look.color()));
        dot.getStyleClass().add("state-dot");
        Label name = new Label(row.name());
        name.setStyle("-fx-font-weight: bold;");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label(look.stateLabel());
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().add("state-label");
        state.setTextFill(Color.web(look.color()).darker());
        HBox title = new HBox(8, name, state);
        title.setAlignment(Pos.BASELINE_LEFT);
        Label detail = new Label(model.detail(row));
        detail.getStyleClass().add("detail");
        detail.setOpacity(0.75);
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        Label message = new Label(StatusViewModel.message(row));
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("message");
        VBox text = new VBox(2, title, detail, message);
        String held = StatusViewModel.heldBack(row);
        if (!held.isEmpty()) {
            Label heldBack = new Label(held);
            heldBack.setId("held-" + row.name());
            heldBack.setWrapText(true);
            heldBack.setMinHeight(Region.USE_PREF_SIZE);
            heldBack.setTextFill(Color.web("#B7791F"));
            text.getChildren().add(heldBack);
        }
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        Button action = new Button(look.action().label());
        action.getStyleClass().add("row-action");
        action.setMinWidth(Region.USE_PREF_SIZE); // the text column gives way, never the button's label
        action.setOnAction(e -> act(look.action(), row));
        action.setDisable(row.syncing());

        HBox node = new HBox(10, dot, text, action);
        node.setId("row-" + row.name());
        node.getStyleClass().addAll("repo-row", "state-" + row.state().map(dev.tidesync.status.RepoState::id).orElse("checking"));
        node.setAlignment(Pos.CENTER_LEFT);
        node.setPadding(new Insets(8));
        return node;
    }

    private void act(RowAction action, RepoRow row) {
        switch (action) {
            case SYNC_NOW, RETRY -> actions.syncNow(row.path());
            case RESOLVE -> actions.resolve(row.path());
            case RESUME -> actions.resume(Optional.of(row.path()));
            case OPEN_FOLDER -> actions.openFolder(row.path());
        }
    }
}
