package dev.tidesync.app.conflict;

import dev.tidesync.app.conflict.ConflictViewModel.FileState;
import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.git.resolve.HunkChoice;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/**
 * The conflict window: the files on the left, checked off as they are decided; on the right the
 * chosen file, side by side with each place where the versions disagree and a choice for it, or
 * what each side has for a file that cannot be merged place by place; the result previewed
 * before "Resolve and sync".
 */
public final class ConflictPane extends VBox {

    /** The tints for this computer's lines, the remote's, and both; readable in light and dark themes. */
    static final String MINE_TINT = "rgba(46, 160, 67, 0.18)";
    static final String THEIRS_TINT = "rgba(56, 132, 244, 0.18)";
    private static final String MONO = "-fx-font-family: 'monospace';";

    private final ConflictViewModel model;
    private final StackPane detail = new StackPane();
    private final ListView<FileState> fileList = new ListView<>();

    public ConflictPane(ConflictViewModel model, Runnable openFolder, Runnable resolve, Runnable cancel) {
        this.model = model;
        setSpacing(10);
        setPadding(new Insets(14));
        setMinSize(640, 420);
        getStyleClass().add("conflict-pane");
        getStylesheets().add(ConflictPane.class.getResource("conflict.css").toExternalForm());

        Label title = new Label(model.title());
        title.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label explanation = new Label(model.explanation());
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);

        Button allMine = new Button("Keep mine for all");
        allMine.setOnAction(e -> model.chooseAll(Choice.MINE));
        Button allTheirs = new Button("Keep theirs for all");
        allTheirs.setOnAction(e -> model.chooseAll(Choice.THEIRS));
        Button allBoth = new Button("Keep both for all");
        allBoth.setOnAction(e -> model.chooseAll(Choice.BOTH));
        HBox bulk = new HBox(8, allMine, allTheirs, allBoth);

        fileList.setId("file-list");
        fileList.getItems().setAll(model.files());
        fileList.setCellFactory(v -> new FileCell());
        fileList.setMinWidth(180);
        fileList.setPrefWidth(200);
        model.files().forEach(f -> f.versionProperty().addListener((o, a, b) -> fileList.refresh()));
        model.files().forEach(f -> f.loadedProperty().addListener((o, a, b) -> {
            fileList.refresh();
            if (fileList.getSelectionModel().getSelectedItem() == f) {
                show(f);
            }
        }));
        fileList.getSelectionModel().selectedItemProperty().subscribe(this::show);

        HBox split = new HBox(10, fileList, detail);
        HBox.setHgrow(detail, Priority.ALWAYS);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label problem = new Label();
        problem.setId("conflict-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.setStyle("-fx-text-fill: #D63B3B;");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button folder = new Button("Open folder");
        folder.setOnAction(e -> openFolder.run());
        Button undo = new Button("Undo choice");
        undo.setId("undo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button cancelButton = new Button("Later");
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(e -> cancel.run());
        Button resolveButton = new Button("Resolve and sync");
        resolveButton.setId("resolve");
        resolveButton.setDefaultButton(true);
        resolveButton.disableProperty().bind(model.completeProperty().not().or(model.workingProperty()));
        resolveButton.setOnAction(e -> resolve.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(8, folder, undo, grow, cancelButton, resolveButton);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(title, explanation, bulk, split, problem, footer);
        fileList.getSelectionModel().selectFirst();
    }

    private void show(FileState f) {
        if (f == null) {
            detail.getChildren().clear();
            return;
        }
        if (!f.loadedProperty().get()) {
            detail.getChildren().setAll(new Label("Reading " + f.path() + "…"));
            return;
        }
        ConflictText text = f.textProperty().get();
        detail.getChildren().setAll(text == null ? wholeOnly(f) : textDetail(f, text));
    }

    /** A binary file, a deletion, a folder: what each side has, and the three whole choices. */
    private Node wholeOnly(FileState f) {
        FileSides sides = f.sidesProperty().get();
        Label path = new Label(f.path());
        path.setStyle("-fx-font-weight: bold;");
        Label kind = new Label(f.file().kind().describe() + (f.file().binary() ? " · binary" : ""));
        kind.setOpacity(0.75);
        Label mine = sideLabel("This computer: " + (sides == null ? "?" : sides.mine()), MINE_TINT);
        mine.setId("side-mine");
        Label theirs = sideLabel(model.remote() + ": " + (sides == null ? "?" : sides.theirs()), THEIRS_TINT);
        theirs.setId("side-theirs");
        Label consequence = new Label();
        consequence.setWrapText(true);
        consequence.setOpacity(0.85);
        consequence.setMinHeight(Region.USE_PREF_SIZE);
        consequence.textProperty().bind(f.wholeProperty().map(c -> ConflictViewModel.consequence(f.file(), c)).orElse(""));
        VBox box = new VBox(10, path, kind, mine, theirs, wholeButtons(f), consequence);
        box.setPadding(new Insets(4, 8, 4, 12));
        return box;
    }

    private static Label sideLabel(String text, String tint) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setPadding(new Insets(8));
        l.setStyle("-fx-background-color: " + tint + "; -fx-background-radius: 4;");
        return l;
    }

    private SegmentedButton wholeButtons(FileState f) {
        SegmentedButton buttons = new SegmentedButton();
        ToggleGroup group = new ToggleGroup();
        buttons.setToggleGroup(group);
        for (Choice c : Choice.values()) {
            ToggleButton b = new ToggleButton(switch (c) {
                case MINE -> "Keep mine";
                case THEIRS -> "Keep theirs";
                case BOTH -> "Keep both";
            });
            b.setId("whole-" + c.name().toLowerCase(Locale.ROOT));
            b.setSelected(f.wholeProperty().get() == c);
            b.setOnAction(e -> model.chooseWhole(f.path(), c));
            buttons.getButtons().add(b);
        }
        f.wholeProperty().subscribe(c -> buttons.getButtons().forEach(b -> b.setSelected(b.getId().equals("whole-"
                + (c == null ? "" : c.name().toLowerCase(Locale.ROOT))))));
        return buttons;
    }

    /** A text file: whole choices, then the side-by-side places with a choice each, and the result. */
    private Node textDetail(FileState f, ConflictText text) {
        Label path = new Label(f.path() + "  ·  " + (text.disputes() == 1 ? "1 place" : text.disputes() + " places")
                + " where both changed it");
        path.setStyle("-fx-font-weight: bold;");
        path.setMinWidth(Region.USE_PREF_SIZE);
        Label or = new Label("or choose place by place below");
        or.setOpacity(0.75);
        or.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, wholeButtons(f), or);
        top.setAlignment(Pos.CENTER_LEFT);

        Label left = columnHeader("This computer", MINE_TINT);
        Label right = columnHeader(model.remote(), THEIRS_TINT);
        HBox headers = new HBox(0, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);

        ListView<SideBySide.Row> rows = new ListView<>();
        rows.setId("side-by-side");
        rows.getStyleClass().add("code");
        rows.getItems().setAll(SideBySide.rows(text));
        rows.setCellFactory(v -> new RowCell(f));
        f.versionProperty().addListener((o, a, b) -> rows.refresh());
        VBox sideBySide = new VBox(0, headers, rows);
        VBox.setVgrow(rows, Priority.ALWAYS);

        ListView<ConflictText.Line> preview = new ListView<>();
        preview.setId("preview");
        preview.getStyleClass().add("code");
        preview.setCellFactory(v -> new PreviewCell());
        Runnable refreshPreview = () -> preview.getItems().setAll(f.preview());
        refreshPreview.run();
        f.versionProperty().addListener((o, a, b) -> refreshPreview.run());

        Tab both = new Tab("Side by side", sideBySide);
        Tab result = new Tab("Result", preview);
        result.setId("result-tab");
        TabPane tabs = new TabPane(both, result);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(8, path, top, tabs);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private static Label columnHeader(String text, String tint) {
        Label l = new Label(text);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setPadding(new Insets(4, 8, 4, 8));
        l.setStyle("-fx-font-weight: bold; -fx-background-color: " + tint + ";");
        return l;
    }

    private final class FileCell extends ListCell<FileState> {
        @Override
        protected void updateItem(FileState f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label mark = new Label(f.decidedProperty().get() ? "✓" : "○");
            mark.setMinWidth(16);
            mark.setStyle(f.decidedProperty().get() ? "-fx-text-fill: #2EA043; -fx-font-weight: bold;" : "-fx-text-fill: #E3882D;");
            Label name = new Label(f.path());
            name.setStyle("-fx-font-weight: bold;");
            Label standing = new Label(ConflictViewModel.standing(f));
            standing.setOpacity(0.75);
            VBox words = new VBox(1, name, standing);
            HBox row = new HBox(6, mark, words);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            // The list is as wide as its longest path (up to a third of the window): a path cut short says nothing.
            if (getScene() != null) {
                row.applyCss(); // measured in the theme's font, bold as drawn
            }
            double needed = Math.max(name.prefWidth(-1), standing.prefWidth(-1)) + mark.getMinWidth() + 44;
            double most = Math.max(260, ConflictPane.this.getWidth() / 3);
            if (needed > fileList.getPrefWidth()) {
                fileList.setPrefWidth(Math.min(needed, most));
            }
        }
    }

    /** One row of the side-by-side view; the place headers carry the choice buttons. */
    private final class RowCell extends ListCell<SideBySide.Row> {
        private final FileState file;

        RowCell(FileState file) {
            this.file = file;
        }

        @Override
        protected void updateItem(SideBySide.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setStyle("");
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            setGraphic(switch (row.kind()) {
                case SAME -> line("  ", row.mine(), "transparent");
                case TAKEN_MINE -> line("← ", row.mine(), MINE_TINT);
                case TAKEN_THEIRS -> line("→ ", row.mine(), THEIRS_TINT);
                case FOLDED -> {
                    Label l = new Label("⋯ " + row.mine());
                    l.setOpacity(0.6);
                    yield l;
                }
                case PART -> partHeader(row.part());
                case DISPUTED -> pair(row);
            });
        }

        private Node line(String gutter, String text, String tint) {
            Label l = new Label(gutter + text);
            l.setStyle(MONO + " -fx-background-color: " + tint + ";");
            l.setWrapText(true); // a long line wraps: the whole of it is what the user chooses on
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
            l.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
            return l;
        }

        private Node pair(SideBySide.Row row) {
            HunkChoice chosen = file.part(row.part());
            Label mine = half(row.mine(), MINE_TINT, chosen == HunkChoice.THEIRS);
            Label theirs = half(row.theirs(), THEIRS_TINT, chosen == HunkChoice.MINE);
            HBox box = new HBox(4, mine, theirs);
            HBox.setHgrow(mine, Priority.ALWAYS);
            HBox.setHgrow(theirs, Priority.ALWAYS);
            mine.prefWidthProperty().bind(getListView().widthProperty().subtract(40).divide(2));
            theirs.prefWidthProperty().bind(getListView().widthProperty().subtract(40).divide(2));
            return box;
        }

        private static Label half(String text, String tint, boolean dropped) {
            Label l = new Label(text == null ? "" : text);
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setStyle(MONO + (text == null ? "" : " -fx-background-color: " + tint + ";") + (dropped ? " -fx-opacity: 0.45; -fx-strikethrough: true;" : ""));
            return l;
        }

        private Node partHeader(int number) {
            ConflictText text = file.textProperty().get();
            Label what = new Label("Place " + number + " of " + text.disputes());
            what.setStyle("-fx-font-weight: bold;");
            what.setMinWidth(Region.USE_PREF_SIZE);
            SegmentedButton buttons = new SegmentedButton();
            ToggleGroup group = new ToggleGroup();
            buttons.setToggleGroup(group);
            HunkChoice chosen = file.part(number);
            for (HunkChoice c : HunkChoice.values()) {
                ToggleButton b = new ToggleButton(switch (c) {
                    case MINE -> "Mine";
                    case THEIRS -> "Theirs";
                    case BOTH -> "Both (mine first)";
                });
                b.setId("part-" + number + "-" + c.id());
                b.setSelected(chosen == c);
                b.setOnAction(e -> model.choosePart(file.path(), number, c));
                buttons.getButtons().add(b);
            }
            HBox header = new HBox(10, what, buttons);
            header.setAlignment(Pos.CENTER_LEFT);
            header.setPadding(new Insets(6, 0, 2, 0));
            return header;
        }
    }

    /** One line of the result as the preview shows it: a place with no choice yet says so. */
    static String shown(ConflictText.Line line) {
        return line.from() == null ? "⟨place " + line.part() + ": choose mine, theirs or both⟩" : line.text();
    }

    /** One line of the result, tinted by where it came from. */
    private static final class PreviewCell extends ListCell<ConflictText.Line> {
        @Override
        protected void updateItem(ConflictText.Line line, boolean empty) {
            super.updateItem(line, empty);
            setGraphic(null);
            if (empty || line == null) {
                setText(null);
                setStyle("");
                return;
            }
            setText(shown(line));
            if (line.from() == null) {
                setStyle("-fx-font-style: italic; -fx-text-fill: #E3882D;");
                return;
            }
            String tint = switch (line.from()) {
                case BASE -> "transparent";
                case MINE -> MINE_TINT;
                case THEIRS -> THEIRS_TINT;
            };
            setStyle(MONO + " -fx-background-color: " + tint + ";");
        }
    }

    /** For specs: the preview's text as shown, one line per row, placeholders included. */
    List<String> previewLines() {
        return detail.lookup("#preview") instanceof ListView<?> l
                ? l.getItems().stream().map(o -> shown((ConflictText.Line) o)).toList() : List.of();
    }
}
