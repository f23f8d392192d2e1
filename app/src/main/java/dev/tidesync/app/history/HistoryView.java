package dev.tidesync.app.history;

import dev.tidesync.io.Moments;
import dev.tidesync.journal.HistoryRecord;
import dev.tidesync.journal.SyncMetrics;
import dev.tidesync.model.SyncResult;
import dev.tidesync.model.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The change-log viewer: filters and search on top, the activity of the last 24 hours, the
 * table (virtualized, so 100 000 rows scroll like 100), and the selected sync's details.
 */
public final class HistoryView extends BorderPane {

    static final String ALL = "All";
    private TableColumn<HistoryRecord, String> message;
    /** The columns sized to their content, with the values that can be widest in each. */
    private final java.util.Map<TableColumn<HistoryRecord, ?>, java.util.function.Supplier<List<String>>> sized = new java.util.LinkedHashMap<>();

    private final HistoryViewModel model;
    private final Clock clock;
    private final ComboBox<String> repository = new ComboBox<>();
    private final ComboBox<String> trigger = new ComboBox<>();
    private final ComboBox<String> result = new ComboBox<>();
    private final TextField search = new TextField();
    private final TableView<HistoryRecord> table = new TableView<>();
    private final XYChart.Series<String, Number> okSeries = new XYChart.Series<>();
    private final XYChart.Series<String, Number> failedSeries = new XYChart.Series<>();
    private final Label activitySummary = new Label();
    private final Label metrics = new Label();
    private final PauseTransition chartLater = new PauseTransition(Duration.millis(500));

    public HistoryView(HistoryViewModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
        getStyleClass().add("history-view");
        getStylesheets().add(HistoryView.class.getResource("history.css").toExternalForm());
        setPadding(new Insets(10));
        setTop(new VBox(8, filterBar(), chart()));
        setCenter(body());
        model.all().addListener((ListChangeListener<HistoryRecord>) c -> chartLater.playFromStart());
        chartLater.setOnFinished(e -> refreshChart());
        refreshChart();
    }

    private HBox filterBar() {
        repository.setId("filter-repository");
        repository.getItems().add(ALL);
        model.repositories().subscribe(() -> {
            String keep = repository.getValue();
            List<String> items = new ArrayList<>();
            items.add(ALL);
            items.addAll(model.repositories());
            repository.getItems().setAll(items);
            repository.setValue(keep == null || !items.contains(keep) ? ALL : keep);
        });
        repository.setValue(ALL);
        trigger.setId("filter-trigger");
        trigger.getItems().add(ALL);
        trigger.getItems().addAll(Arrays.stream(Trigger.values()).map(Trigger::id).toList());
        trigger.setValue(ALL);
        result.setId("filter-result");
        result.getItems().add(ALL);
        result.getItems().addAll(Arrays.stream(SyncResult.values()).map(SyncResult::id).toList());
        result.setValue(ALL);
        search.setId("search");
        search.setPromptText("Search messages, files, commits");
        search.setPrefColumnCount(14);
        HBox.setHgrow(search, Priority.ALWAYS);
        PauseTransition typing = new PauseTransition(Duration.millis(150));
        typing.setOnFinished(e -> applyFilter());
        search.textProperty().subscribe(t -> typing.playFromStart());
        search.setOnAction(e -> applyFilter());
        repository.setOnAction(e -> applyFilter());
        trigger.setOnAction(e -> applyFilter());
        result.setOnAction(e -> applyFilter());
        model.filterProperty().subscribe(f -> {
            repository.setValue(f.repository().orElse(ALL));
            trigger.setValue(f.trigger().orElse(ALL));
            result.setValue(f.result().orElse(ALL));
        });
        Label count = new Label();
        count.setId("count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        model.shown().subscribe(() -> count.setText(model.shown().size() + " of " + model.all().size() + " syncs"));
        HBox bar = new HBox(8, new Label("Repository"), repository, new Label("Trigger"), trigger, new Label("Result"), result, search, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Reads the controls into the model's filter; the search is applied after a short pause in typing. */
    void applyFilter() {
        model.filterProperty().set(new HistoryFilter(choice(repository), choice(trigger), choice(result),
                search.getText() == null ? "" : search.getText()));
    }

    private static Optional<String> choice(ComboBox<String> box) {
        return Optional.ofNullable(box.getValue()).filter(v -> !v.equals(ALL));
    }

    private VBox chart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        StackedBarChart<String, Number> bars = new StackedBarChart<>(x, y);
        bars.setId("activity");
        bars.setAnimated(false);
        bars.setLegendVisible(true);
        bars.setPrefHeight(120);
        bars.setMinHeight(100);
        bars.setCategoryGap(2);
        okSeries.setName("synced");
        failedSeries.setName("failed or stopped");
        bars.getData().addAll(List.of(okSeries, failedSeries));
        activitySummary.setId("activity-summary");
        activitySummary.setOpacity(0.8);
        metrics.setId("metrics");
        metrics.setOpacity(0.8);
        return new VBox(2, bars, activitySummary, metrics);
    }

    private void refreshChart() {
        List<Activity.Hour> hours = Activity.perHour(model.all(), clock.instant(), 24);
        DateTimeFormatter hh = DateTimeFormatter.ofPattern("HH").withZone(clock.getZone());
        List<XYChart.Data<String, Number>> ok = new ArrayList<>();
        List<XYChart.Data<String, Number>> failed = new ArrayList<>();
        int total = 0;
        int failures = 0;
        long slowest = 0;
        for (Activity.Hour h : hours) {
            String label = hh.format(h.start());
            ok.add(new XYChart.Data<>(label, h.ok()));
            failed.add(new XYChart.Data<>(label, h.failed()));
            total += h.ok() + h.failed();
            failures += h.failed();
            slowest = Math.max(slowest, h.medianMs());
        }
        okSeries.getData().setAll(ok);
        failedSeries.getData().setAll(failed);
        activitySummary.setText("Last 24 hours: " + total + " syncs, " + failures + " failed or stopped"
                + (total > 0 ? ", slowest hourly median " + slowest + " ms" : ""));
        metrics.setText("Last " + SyncMetrics.RECENT + ": " + SyncMetrics.lastOf(model.all()).total().describe()
                + "\nToday: " + SyncMetrics.todayOf(model.all(), clock.instant(), clock.getZone()).total().describe());
    }

    private SplitPane body() {
        table.setId("history-table");
        // Every column as wide as its widest value, the message taking the rest of the width (and wrapping there).
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ZoneId zone = clock.getZone();
        TableColumn<HistoryRecord, Instant> time = new TableColumn<>("Time");
        time.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().time()));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : Moments.when(t, zone, clock.instant(), java.util.Locale.getDefault(java.util.Locale.Category.FORMAT)));
            }
        });
        sized.put(time, () -> timeSamples(zone));
        table.getColumns().add(time);
        table.getColumns().add(column("Repository", HistoryRecord::name, () -> model.repositories()));
        table.getColumns().add(column("Trigger", r -> r.trigger() == null ? "" : r.trigger().id(),
                () -> Arrays.stream(Trigger.values()).map(Trigger::id).toList()));
        table.getColumns().add(column("Result", r -> r.result() == null ? "" : r.result().id(),
                () -> Arrays.stream(SyncResult.values()).map(SyncResult::id).toList()));
        table.getColumns().add(column("Changes", HistoryView::changes, () -> List.of("999 files ↓99 ↑99")));
        table.getColumns().add(column("Duration", r -> r.durationMs() + " ms", () -> List.of("99999 ms")));
        TableColumn<HistoryRecord, String> message = new TableColumn<>("Message");
        message.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().message()));
        message.setCellFactory(c -> new WrappingCell());
        message.setMinWidth(160);
        table.getColumns().add(message);
        this.message = message;
        table.widthProperty().subscribe(w -> fitMessage());
        table.skinProperty().subscribe(skin -> javafx.application.Platform.runLater(this::sizeColumns));
        model.repositories().subscribe(() -> javafx.application.Platform.runLater(this::sizeColumns));
        SortedList<HistoryRecord> sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No syncs match"));

        TextArea details = new TextArea();
        details.setId("details");
        details.setEditable(false);
        details.setPrefRowCount(5);
        details.setMinHeight(60);
        details.setWrapText(true);
        details.setStyle("-fx-font-family: monospace;");
        Button copyCommit = new Button("Copy commit id");
        copyCommit.setId("copy-commit");
        Button copyDetails = new Button("Copy details");
        table.getSelectionModel().selectedItemProperty().subscribe(r -> {
            details.setText(r == null ? "Select a sync to see its files and commits." : HistoryViewModel.details(r));
            copyCommit.setDisable(r == null || r.commit() == null);
        });
        copyCommit.setOnAction(e -> copy(table.getSelectionModel().getSelectedItem().commit()));
        copyDetails.setOnAction(e -> copy(details.getText()));
        VBox.setVgrow(details, Priority.ALWAYS);
        VBox side = new VBox(6, details, new HBox(6, copyCommit, copyDetails));
        side.setPadding(new Insets(6, 0, 0, 0));
        // The table takes the whole width (its columns and the message), the selected sync's details sit below.
        SplitPane split = new SplitPane(table, side);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.75);
        SplitPane.setResizableWithParent(side, false); // a larger window gives its height to the table
        return split;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private TableColumn<HistoryRecord, String> column(String title, java.util.function.Function<HistoryRecord, String> value,
                                                      java.util.function.Supplier<List<String>> widest) {
        TableColumn<HistoryRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        sized.put(c, widest);
        return c;
    }

    /** "3 files ↓1 ↑2": what the sync committed and moved; empty when nothing. */
    static String changes(HistoryRecord r) {
        List<String> parts = new ArrayList<>();
        if (!r.files().isEmpty()) {
            parts.add(r.files().size() + (r.files().size() == 1 ? " file" : " files"));
        }
        if (r.commitsIn() > 0) {
            parts.add("↓" + r.commitsIn());
        }
        if (r.commitsOut() > 0) {
            parts.add("↑" + r.commitsOut());
        }
        return String.join(" ", parts);
    }

    /** The time column's longest forms: just now, today, yesterday, this week, another year. */
    private List<String> timeSamples(ZoneId zone) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(java.time.Duration.ZERO, java.time.Duration.ofHours(2), java.time.Duration.ofHours(25),
                        java.time.Duration.ofDays(5), java.time.Duration.ofDays(400))
                .map(d -> Moments.when(now.minus(d), zone, now, java.util.Locale.getDefault(java.util.Locale.Category.FORMAT))).toList();
    }

    /**
     * Each column but the message as wide as its title or its widest possible value, in the font the
     * table is drawn with (so a larger font makes wider columns); the message takes the rest.
     */
    private void sizeColumns() {
        javafx.scene.text.Font font = table.lookup(".column-header .label") instanceof Label header ? header.getFont()
                : javafx.scene.text.Font.getDefault();
        double slack = font.getSize() * 1.3; // the cell's padding and the sort arrow
        sized.forEach((column, values) -> {
            double widest = textWidth(column.getText(), font);
            for (String v : values.get()) {
                widest = Math.max(widest, textWidth(v, font));
            }
            column.setMinWidth(Math.ceil(widest + slack));
            column.setPrefWidth(Math.ceil(widest + slack));
        });
        fitMessage();
    }

    /** The message column takes the width the others leave (less the scroll bar's). */
    private void fitMessage() {
        if (message == null) {
            return;
        }
        double others = sized.keySet().stream().mapToDouble(TableColumn::getPrefWidth).sum();
        message.setPrefWidth(Math.max(message.getMinWidth(), table.getWidth() - others - 22));
    }

    private static double textWidth(String s, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A message shown whole: it wraps within the column instead of ending in "…". */
    private static final class WrappingCell extends TableCell<HistoryRecord, String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappingCell() {
            text.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.max(80, widthProperty().subtract(10)));
            text.fillProperty().bind(textFillProperty());
            text.fontProperty().bind(fontProperty());
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String message, boolean empty) {
            super.updateItem(message, empty);
            setText(null);
            text.setText(empty || message == null ? "" : message);
            setGraphic(empty ? null : text);
        }
    }
}
