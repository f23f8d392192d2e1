package dev.tidesync.app.conflict;

import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictFile;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/** The conflict dialog's content: per file, keep mine / keep theirs / keep both, then resolve. */
public final class ConflictPane extends VBox {

    public ConflictPane(ConflictViewModel model, Runnable openFolder, Runnable resolve, Runnable cancel) {
        setSpacing(12);
        setPadding(new Insets(16));
        setPrefWidth(640);
        getStyleClass().add("conflict-pane");

        Label title = new Label(model.title());
        title.getStyleClass().add("title-3");
        title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        Label explanation = new Label(model.explanation());
        explanation.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        for (ConflictFile file : model.files()) {
            Label path = new Label(file.path());
            path.setStyle("-fx-font-weight: bold;");
            Label kind = new Label(file.kind().describe() + (file.binary() ? " · binary" : ""));
            kind.setOpacity(0.7);
            VBox name = new VBox(2, path, kind);
            SegmentedButton buttons = new SegmentedButton();
            ToggleGroup group = new ToggleGroup();
            buttons.setToggleGroup(group);
            Label consequence = new Label();
            consequence.setOpacity(0.8);
            consequence.textProperty().bind(model.choice(file.path()).map(c -> ConflictViewModel.consequence(file, c)).orElse(""));
            for (Choice choice : Choice.values()) {
                ToggleButton b = new ToggleButton(label(choice));
                b.setUserData(choice);
                b.setId("choice-" + row + "-" + choice.name().toLowerCase(java.util.Locale.ROOT));
                buttons.getButtons().add(b);
            }
            group.selectedToggleProperty().subscribe(t -> {
                if (t != null) {
                    model.choice(file.path()).set((Choice) t.getUserData());
                }
            });
            model.choice(file.path()).subscribe(c -> buttons.getButtons().forEach(b -> b.setSelected(b.getUserData() == c)));
            grid.add(name, 0, row);
            grid.add(new VBox(4, buttons, consequence), 1, row);
            row++;
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(360, 64 * model.files().size() + 8));
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button allMine = new Button("All mine");
        allMine.setOnAction(e -> model.chooseAll(Choice.MINE));
        Button allTheirs = new Button("All theirs");
        allTheirs.setOnAction(e -> model.chooseAll(Choice.THEIRS));
        Button allBoth = new Button("Keep both for all");
        allBoth.setOnAction(e -> model.chooseAll(Choice.BOTH));
        HBox bulk = new HBox(8, allMine, allTheirs, allBoth);

        Label problem = new Label();
        problem.setId("conflict-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #D63B3B;");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button folder = new Button("Open folder");
        folder.setOnAction(e -> openFolder.run());
        Button cancelButton = new Button("Later");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> cancel.run());
        Button resolveButton = new Button("Resolve and sync");
        resolveButton.setId("resolve");
        resolveButton.setDefaultButton(true);
        resolveButton.disableProperty().bind(model.completeProperty().not());
        resolveButton.setOnAction(e -> resolve.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(8, folder, grow, cancelButton, resolveButton);
        footer.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, explanation, bulk, scroll, problem, footer);
    }

    private static String label(Choice choice) {
        return switch (choice) {
            case MINE -> "Keep mine";
            case THEIRS -> "Keep theirs";
            case BOTH -> "Keep both";
        };
    }
}
