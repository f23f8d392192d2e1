package dev.tidesync.app.settings;

import dev.tidesync.autostart.AutoStart;
import dev.tidesync.config.DesktopSettings;
import dev.tidesync.config.RepositorySettings;
import dev.tidesync.config.SyncMode;
import dev.tidesync.config.Triggers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The settings window's content: repositories, triggers, prompt probability, notifications and
 * general. Every control saves on change through {@link ConfigEditor}; refusals show inline.
 */
public final class SettingsView extends TabPane {

    private final ConfigEditor editor;
    private final Supplier<Optional<Path>> chooseFolder;
    private final AutoStart autoStart;
    private final ListView<RepositorySettings> repositories = new ListView<>();
    private final VBox repositoryForm = new VBox(10);
    private final Label repositoryProblem = problemLabel("repository-problem");

    public SettingsView(ConfigEditor editor, Supplier<Optional<Path>> chooseFolder, AutoStart autoStart) {
        this.editor = editor;
        this.chooseFolder = chooseFolder;
        this.autoStart = autoStart;
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setPrefSize(720, 520);
        getTabs().addAll(
                tab("Repositories", repositoriesTab()),
                tab("Triggers", scroll(triggersTab())),
                tab("Agent prompts", promptTab()),
                tab("Messages", scroll(messagesTab())),
                tab("General", generalTab()));
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    // Repositories

    private Node repositoriesTab() {
        repositories.setId("repositories");
        repositories.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RepositorySettings r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.name() + "\n" + r.path());
            }
        });
        repositories.setPrefWidth(260);
        repositories.getSelectionModel().selectedItemProperty().subscribe(this::showRepository);
        Button add = new Button("Add…");
        add.setId("add-repository");
        add.setOnAction(e -> chooseFolder.get().ifPresent(this::addRepository));
        Button remove = new Button("Remove");
        remove.setId("remove-repository");
        remove.disableProperty().bind(repositories.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            RepositorySettings r = repositories.getSelectionModel().getSelectedItem();
            editor.removeRepository(r.workTree(), problem -> problem.ifPresentOrElse(repositoryProblem::setText, () -> {
                repositoryProblem.setText("");
                reloadRepositories(Optional.empty());
            }));
        });
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox left = new VBox(6, repositories, new HBox(6, add, remove), repositoryProblem);
        left.setMinWidth(240);
        left.setPrefWidth(260);
        VBox.setVgrow(repositories, Priority.ALWAYS);
        repositoryForm.setPadding(new Insets(0, 0, 0, 12));
        HBox.setHgrow(repositoryForm, Priority.ALWAYS);
        HBox box = new HBox(left, scroll(repositoryForm));
        HBox.setHgrow(box.getChildren().get(1), Priority.ALWAYS);
        box.setPadding(new Insets(12));
        reloadRepositories(Optional.empty());
        return box;
    }

    /** Validates and adds a folder; public for the first-run flow and for tests (no native chooser there). */
    public void addRepository(Path folder) {
        editor.addRepository(folder, problem -> problem.ifPresentOrElse(repositoryProblem::setText, () -> {
            repositoryProblem.setText("");
            reloadRepositories(Optional.of(dev.tidesync.config.Paths.canonical(folder)));
        }));
    }

    private void reloadRepositories(Optional<Path> select) {
        List<RepositorySettings> all = editor.settings().repositories();
        repositories.getItems().setAll(all);
        all.stream().filter(r -> select.map(s -> s.equals(dev.tidesync.config.Paths.canonical(r.workTree()))).orElse(false))
                .findFirst().ifPresentOrElse(r -> repositories.getSelectionModel().select(r),
                        () -> repositories.getSelectionModel().selectFirst());
        if (all.isEmpty()) {
            showRepository(null);
        }
    }

    private void showRepository(RepositorySettings r) {
        if (r == null) {
            repositoryForm.getChildren().setAll(note("Add a repository: a folder you cloned or ran `git init` in."));
            return;
        }
        int index = editor.settings().repositories().indexOf(r);
        String key = "repositories." + index + ".";
        Label title = new Label(r.name());
        title.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        ComboBox<String> mode = new ComboBox<>();
        mode.setId("repository-mode");
        mode.getItems().addAll(Arrays.stream(SyncMode.values()).map(SyncMode::label).toList());
        mode.setValue(r.mode().label());
        mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label modeProblem = problemLabel("repository-mode-problem");
        mode.setOnAction(e -> editor.set(key + "mode", mode.getValue(), shown(modeProblem)));

        FormField remotes = new FormField("repository-remotes", String.join(", ", r.remotes()),
                text -> FormField.Result.of(jsonList(text, ",")), (v, done) -> editor.set(key + "remotes", v, done));
        remotes.field().setPromptText("the branch's upstream");
        TextArea excludes = new TextArea(String.join("\n", r.excludes()));
        excludes.setId("repository-excludes");
        excludes.setPrefRowCount(4);
        Label excludesProblem = problemLabel("repository-excludes-problem");
        excludes.focusedProperty().subscribe(f -> {
            if (!f) {
                editor.set(key + "excludes", jsonList(excludes.getText(), "\n"), shown(excludesProblem));
            }
        });
        CheckBox secrets = wrapping(new CheckBox("Hold back files that look like secrets"));
        secrets.setId("repository-secrets");
        secrets.setSelected(r.guards().secrets());
        Label guardProblem = problemLabel("repository-guard-problem");
        secrets.setOnAction(e -> editor.set(key + "guards.secrets", Boolean.toString(secrets.isSelected()), shown(guardProblem)));
        FormField maxSize = new FormField("repository-max-size", Long.toString(r.guards().maxFileSizeBytes() / (1024 * 1024)),
                text -> FormField.wholeNumber().apply(text).problem().isPresent() ? FormField.wholeNumber().apply(text)
                        : FormField.Result.of(Long.toString(Long.parseLong(text) * 1024 * 1024)),
                (v, done) -> editor.set(key + "guards.maxFileSizeBytes", v, done));
        CheckBox massDeletion = wrapping(new CheckBox("Refuse mass deletions"));
        massDeletion.setSelected(r.guards().massDeletion().enabled());
        massDeletion.setOnAction(e -> editor.set(key + "guards.massDeletion.enabled",
                Boolean.toString(massDeletion.isSelected()), shown(guardProblem)));

        GridPane grid = form();
        row(grid, 0, "Mode", new VBox(2, mode, modeProblem));
        row(grid, 1, "Remotes", remotes);
        row(grid, 2, "Never commit", new VBox(2, excludes, note("gitignore patterns, one per line"), excludesProblem));
        row(grid, 3, "Largest file (MB)", maxSize);
        grid.add(new VBox(6, secrets, massDeletion, note("A commit that would delete most of the files at once is held back until you"
                + " sync by hand."), guardProblem), 1, 4);
        repositoryForm.getChildren().setAll(title, pathField(r.path()), grid);
    }

    /** "a, b" or lines into a JSON array of strings. */
    static String jsonList(String text, String separator) {
        List<String> items = Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return dev.tidesync.io.Json.line(items);
    }

    // Triggers

    private Node triggersTab() {
        Triggers t = editor.settings().triggers();
        GridPane grid = form();
        int row = 0;
        row(grid, row++, "", note("Each trigger can be turned off; the numbers say how eager it is."));
        row(grid, row++, "File changes", new HBox(8, toggle("trigger-fileChange", "triggers.fileChange.enabled", t.fileChange().enabled()),
                words("sync after"), seconds("fileChange-inactivity", "triggers.fileChange.inactivityMs", t.fileChange().inactivityMs()),
                words("s without further edits")));
        row(grid, row++, "Local commits", new HBox(8, toggle("trigger-localCommit", "triggers.localCommit.enabled", t.localCommit().enabled()),
                words("push"), seconds("localCommit-debounce", "triggers.localCommit.debounceMs", t.localCommit().debounceMs()),
                words("s after your last commit")));
        row(grid, row++, "Poll the remote", new HBox(8, toggle("trigger-poll", "triggers.poll.enabled", t.poll().enabled()),
                words("every"), field("poll-interval", "triggers.poll.intervalSeconds", Integer.toString(t.poll().intervalSeconds()),
                        FormField.wholeNumber()), words("s, up to"),
                field("poll-max-interval", "triggers.poll.maxIntervalSeconds",
                        t.poll().maxIntervalSeconds() == null ? "" : Integer.toString(t.poll().maxIntervalSeconds()),
                        FormField.wholeNumberOrDefault()), words("s while nothing changes")));
        row(grid, row++, "", note("An empty limit means: up to " + Triggers.Poll.ANNOUNCED_FALLBACK_SECONDS / 60
                + " min while announcements cover the repository, else always the interval."));
        row(grid, row++, "Agent session start", toggle("trigger-sessionStart", "triggers.sessionStart.enabled", t.sessionStart().enabled()));
        row(grid, row++, "Agent session end", toggle("trigger-sessionEnd", "triggers.sessionEnd.enabled", t.sessionEnd().enabled()));
        row(grid, row++, "Agent checkpoints", toggle("trigger-checkpoint", "triggers.checkpoint.enabled", t.checkpoint().enabled()));
        row(grid, row++, "Agent prompts", note("see the Agent prompts tab"));
        row(grid, row++, "Schedule", new HBox(8, toggle("trigger-schedule", "triggers.schedule.enabled", t.schedule().enabled()),
                words("every"), field("schedule-interval", "triggers.schedule.intervalMinutes",
                        Integer.toString(t.schedule().intervalMinutes()), FormField.wholeNumber()), words("min")));
        row(grid, row, "Manual syncs", toggle("trigger-manual", "triggers.manual.enabled", t.manual().enabled()));
        return grid;
    }

    private Node promptTab() {
        Triggers.Prompt p = editor.settings().triggers().userPrompt();
        ProbabilityViewModel model = new ProbabilityViewModel(p.probability());
        Label saved = problemLabel("probability-saved");
        ProbabilityEditor probability = new ProbabilityEditor(model, n ->
                editor.set("triggers.userPrompt.probability", Integer.toString(n), shown(saved)));
        GridPane grid = form();
        row(grid, 0, "", note("An agent prompt syncs by chance, so a long session stays current without syncing on every prompt."));
        row(grid, 1, "Prompts", toggle("trigger-userPrompt", "triggers.userPrompt.enabled", p.enabled()));
        row(grid, 2, "Chance", new VBox(4, probability, saved));
        row(grid, 3, "At most once per", new HBox(8, seconds("userPrompt-debounce", "triggers.userPrompt.debounceMs", p.debounceMs()), words("s")));
        return grid;
    }

    // Messages: per-trigger commit messages and silence

    private Node messagesTab() {
        Triggers t = editor.settings().triggers();
        GridPane grid = form();
        int row = 0;
        row(grid, row++, "", note("A trigger may commit with its own message (empty: the default below) and be silent: "
                + "no note for the agent and no \"changes came in\" notification when all went well. Problems are always told."));
        row(grid, row++, "Default", new VBox(2, words(editor.settings().commit().messageTemplate().lines().findFirst().orElse("")),
                note("commit.messageTemplate; variables ${summary} ${files} ${timestamp} ${host} ${trigger}")));
        for (dev.tidesync.model.Trigger trigger : dev.tidesync.model.Trigger.values()) {
            if (!trigger.configurable()) {
                continue;
            }
            Triggers.Each each = t.of(trigger);
            String key = "triggers." + trigger.id();
            FormField message = field("message-" + trigger.id(), key + ".commitMessage",
                    each.commitMessage() == null ? "" : each.commitMessage(), FormField.textOrDefault());
            message.field().setPrefColumnCount(28);
            message.field().setPromptText("the default message");
            CheckBox silent = toggle("silent-" + trigger.id(), key + ".silent", each.silent());
            silent.setText("silent");
            silent.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            row(grid, row++, TriggerNames.title(trigger), new HBox(12, message, silent));
        }
        return grid;
    }

    // General

    private Node generalTab() {
        DesktopSettings d = editor.settings().desktop();
        ComboBox<String> notifications = new ComboBox<>();
        notifications.setId("notifications");
        notifications.getItems().addAll(DesktopSettings.NOTIFICATIONS);
        notifications.setValue(d.notifications());
        Label notificationsProblem = problemLabel("notifications-problem");
        notifications.setOnAction(e -> editor.set("desktop.notifications", notifications.getValue(), shown(notificationsProblem)));
        ComboBox<String> theme = new ComboBox<>();
        theme.setId("theme");
        theme.getItems().addAll(DesktopSettings.THEMES);
        theme.setValue(d.theme());
        Label themeProblem = problemLabel("theme-problem");
        theme.setOnAction(e -> editor.set("desktop.theme", theme.getValue(), shown(themeProblem)));
        ComboBox<String> pauseWhen = new ComboBox<>();
        pauseWhen.setId("pause-when");
        pauseWhen.getItems().addAll(DesktopSettings.PAUSE_WHEN);
        pauseWhen.setValue(d.pauseWhen());
        pauseWhen.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label pauseWhenProblem = problemLabel("pause-when-problem");
        pauseWhen.setOnAction(e -> editor.set("desktop.pauseWhen", pauseWhen.getValue(), shown(pauseWhenProblem)));
        CheckBox login = wrapping(new CheckBox("Start Tidesync when I log in"));
        login.setId("start-at-login");
        login.setSelected(autoStart.enabled());
        login.setDisable(!autoStart.available());
        Label loginProblem = problemLabel("start-at-login-problem");
        login.setOnAction(e -> {
            boolean on = login.isSelected();
            editor.run(() -> {
                try {
                    if (on) {
                        autoStart.enable();
                    } else {
                        autoStart.disable();
                    }
                    return Optional.empty();
                } catch (IOException ex) {
                    return Optional.of("Could not change " + autoStart.describe() + ": " + ex.getMessage());
                }
            }, problem -> {
                loginProblem.setText(problem.orElse(""));
                problem.ifPresent(p -> login.setSelected(autoStart.enabled()));
            });
        });
        CheckBox enabled = toggle("enabled", "enabled", editor.settings().enabled());
        enabled.setText("Sync automatically (off: only when you ask)");
        wrapping(enabled);
        GridPane grid = form();
        row(grid, 0, "Notifications", new VBox(2, notifications,
                note("problems: conflicts, held-back files, failures that need you · all: also incoming changes"), notificationsProblem));
        row(grid, 1, "Theme", new VBox(2, theme, themeProblem));
        row(grid, 2, "Start at login", new VBox(2, login, pathField(autoStart.describe()), loginProblem));
        row(grid, 3, "Tidesync", enabled);
        row(grid, 4, "Wait to sync", new VBox(2, pauseWhen, note("battery: while on battery power · metered: on a metered network"
                + " (a phone's hotspot). Syncing you ask for, and an agent's session start and end, still run. Linux only: UPower"
                + " and NetworkManager say it."), pauseWhenProblem));
        return grid;
    }

    // Building blocks

    private CheckBox toggle(String id, String key, boolean initial) {
        CheckBox box = new CheckBox();
        box.setId(id);
        box.setSelected(initial);
        box.setOnAction(e -> {
            boolean on = box.isSelected();
            editor.set(key, Boolean.toString(on), problem -> problem.ifPresent(p -> box.setSelected(!on)));
        });
        return box;
    }

    private FormField seconds(String id, String key, long ms) {
        return field(id, key, FormField.seconds(ms), FormField.secondsToMs());
    }

    private FormField field(String id, String key, String initial, Function<String, FormField.Result> toConfig) {
        return new FormField(id, initial, toConfig, (v, done) -> editor.set(key, v, done));
    }

    /** Labels on the left as wide as they need; the controls and notes on the right take the rest and wrap in it. */
    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.setPadding(new Insets(16));
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints controls = new javafx.scene.layout.ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, controls);
        return grid;
    }

    /** A few words beside a field: always whole. */
    private static Label words(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** A sentence that explains: it wraps to the width it gets. */
    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setOpacity(0.8);
        return l;
    }

    /** A check box whose words wrap rather than end in "…". */
    private static CheckBox wrapping(CheckBox box) {
        box.setWrapText(true);
        box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    /** A path shown whole: a field to read, select and copy, which scrolls where a label would cut it. */
    private static TextField pathField(String path) {
        TextField f = new TextField(path);
        f.setEditable(false);
        f.setFocusTraversable(false);
        f.getStyleClass().add("path");
        f.setPrefColumnCount(Math.min(path.length(), 40));
        return f;
    }

    private static void row(GridPane grid, int row, String label, Node control) {
        Label l = new Label(label);
        l.setStyle("-fx-font-weight: bold;");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        grid.add(l, 0, row);
        grid.add(control, 1, row);
        if (control instanceof HBox h) {
            h.setAlignment(Pos.CENTER_LEFT);
        }
    }

    /** Shows the engine's answer in {@code label}: its refusal, or nothing. */
    private static java.util.function.Consumer<Optional<String>> shown(Label label) {
        return problem -> label.setText(problem.orElse(""));
    }

    private static Label problemLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: #b42318;");
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
