package dev.tidesync.app.conflict;

import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictFile;
import dev.tidesync.git.resolve.ConflictText;
import dev.tidesync.git.resolve.Conflicts;
import dev.tidesync.git.resolve.FileSides;
import dev.tidesync.git.resolve.HunkChoice;
import dev.tidesync.git.resolve.Resolution;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.Observable;

/**
 * The conflict window's state: for each file either a whole-file choice or a choice for each
 * place its versions disagree, none made for the user; every choice can be undone; and the
 * result of the choices so far, as the engine will write it.
 */
public final class ConflictViewModel {

    /** One conflicting file: what the engine told about it, and what the user chose. */
    public static final class FileState {
        private final ConflictFile file;
        private final ObjectProperty<ConflictText> text = new SimpleObjectProperty<>();
        private final ObjectProperty<FileSides> sides = new SimpleObjectProperty<>();
        private final BooleanProperty loaded = new SimpleBooleanProperty();
        private final ObjectProperty<Choice> whole = new SimpleObjectProperty<>();
        private final ObjectProperty<HunkChoice[]> parts = new SimpleObjectProperty<>(new HunkChoice[0]);
        /** Bumped on every change, so views can listen to one thing. */
        private final IntegerProperty version = new SimpleIntegerProperty();
        private final BooleanBinding decided;

        FileState(ConflictFile file) {
            this.file = file;
            decided = Bindings.createBooleanBinding(this::isDecided, version, loaded);
        }

        public ConflictFile file() {
            return file;
        }

        public String path() {
            return file.path();
        }

        /** The text's three versions, once loaded; null for a file that is not merged part by part. */
        public ObjectProperty<ConflictText> textProperty() {
            return text;
        }

        public ObjectProperty<FileSides> sidesProperty() {
            return sides;
        }

        public BooleanProperty loadedProperty() {
            return loaded;
        }

        public ObjectProperty<Choice> wholeProperty() {
            return whole;
        }

        public IntegerProperty versionProperty() {
            return version;
        }

        /** The choice for part {@code number} (from 1), or null. */
        public HunkChoice part(int number) {
            HunkChoice[] p = parts.get();
            return number >= 1 && number <= p.length ? p[number - 1] : null;
        }

        public List<HunkChoice> parts() {
            return Arrays.asList(parts.get().clone());
        }

        public int chosenParts() {
            return (int) Arrays.stream(parts.get()).filter(c -> c != null).count();
        }

        public BooleanBinding decidedProperty() {
            return decided;
        }

        private boolean isDecided() {
            if (whole.get() != null) {
                return true;
            }
            ConflictText t = text.get();
            return t != null && chosenParts() == t.disputes();
        }

        /** The result as it stands, line by line; undecided parts show as placeholders. */
        public List<ConflictText.Line> preview() {
            ConflictText t = text.get();
            return t == null ? List.of() : t.preview(parts());
        }

        Optional<Resolution> resolution() {
            if (whole.get() != null) {
                return Optional.of(new Resolution.Whole(whole.get()));
            }
            return isDecided() ? Optional.of(new Resolution.ByPart(parts())) : Optional.empty();
        }

        /** What the choices are now, to go back to. */
        private Runnable snapshot() {
            Choice w = whole.get();
            HunkChoice[] p = parts.get().clone();
            return () -> set(w, p);
        }

        private void set(Choice w, HunkChoice[] p) {
            whole.set(w);
            parts.set(p);
            version.set(version.get() + 1);
        }
    }

    private final String repositoryName;
    private final Conflicts conflicts;
    private final Map<String, FileState> files = new LinkedHashMap<>();
    private final BooleanBinding complete;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final SimpleBooleanProperty canUndo = new SimpleBooleanProperty();
    private final SimpleBooleanProperty working = new SimpleBooleanProperty();

    public ConflictViewModel(String repositoryName, Conflicts conflicts) {
        this.repositoryName = repositoryName;
        this.conflicts = conflicts;
        conflicts.files().forEach(f -> files.put(f.path(), new FileState(f)));
        Observable[] all = files.values().stream().map(FileState::decidedProperty).toArray(Observable[]::new);
        complete = Bindings.createBooleanBinding(() -> files.values().stream().allMatch(f -> f.decidedProperty().get()), all);
    }

    public String title() {
        return "Conflict in " + repositoryName;
    }

    public String explanation() {
        int n = conflicts.files().size();
        return (n == 1 ? "One file was" : n + " files were") + " changed both on this computer and on " + conflicts.remote()
                + ". Nothing has been overwritten. For each file, keep one version, both, or choose place by place; "
                + "the result is shown before Tidesync commits it and syncs.";
    }

    public String remote() {
        return conflicts.remote();
    }

    public List<FileState> files() {
        return List.copyOf(files.values());
    }

    public FileState file(String path) {
        return files.get(path);
    }

    public Conflicts conflicts() {
        return conflicts;
    }

    /** What the engine read for {@code path}: its text (when it merges part by part) and what each side has. */
    public void loaded(String path, Optional<ConflictText> text, FileSides sides) {
        FileState f = files.get(path);
        f.text.set(text.orElse(null));
        f.sides.set(sides);
        f.parts.set(new HunkChoice[text.map(ConflictText::disputes).orElse(0)]);
        f.loaded.set(true);
        f.version.set(f.version.get() + 1);
    }

    public void chooseWhole(String path, Choice choice) {
        FileState f = files.get(path);
        remember(f);
        f.set(choice, new HunkChoice[f.parts.get().length]);
    }

    /** Chooses for one place in a text file; a whole-file choice made before gives way to choosing place by place. */
    public void choosePart(String path, int number, HunkChoice choice) {
        FileState f = files.get(path);
        remember(f);
        HunkChoice[] p = f.parts.get().clone();
        p[number - 1] = choice;
        f.set(null, p);
    }

    /** Every place in the file gets the same choice. */
    public void chooseAllParts(String path, HunkChoice choice) {
        FileState f = files.get(path);
        remember(f);
        HunkChoice[] p = new HunkChoice[f.parts.get().length];
        Arrays.fill(p, choice);
        f.set(null, p);
    }

    /** The same whole-file choice for every file. */
    public void chooseAll(Choice choice) {
        List<Runnable> before = new ArrayList<>();
        files.values().forEach(f -> before.add(f.snapshot()));
        push(() -> before.forEach(Runnable::run));
        files.values().forEach(f -> f.set(choice, new HunkChoice[f.parts.get().length]));
    }

    /** Takes back the last choice. */
    public void undo() {
        Runnable last = undo.pollLast();
        if (last != null) {
            last.run();
        }
        canUndo.set(!undo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    private void remember(FileState f) {
        push(f.snapshot());
    }

    private void push(Runnable back) {
        undo.addLast(back);
        canUndo.set(true);
    }

    /** Every file has a choice (or a choice for each of its places). */
    public BooleanBinding completeProperty() {
        return complete;
    }

    /** While the engine resolves: the button waits. */
    public SimpleBooleanProperty workingProperty() {
        return working;
    }

    /** What the engine is asked to do, for the files decided so far. */
    public Map<String, Resolution> resolutions() {
        Map<String, Resolution> out = new LinkedHashMap<>();
        files.forEach((path, f) -> f.resolution().ifPresent(r -> out.put(path, r)));
        return out;
    }

    /** What the engine refused, shown above the buttons; empty when nothing is wrong. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void problem(String text) {
        problem.set(text);
    }

    /** One line for the file list: where the file stands. */
    public static String standing(FileState f) {
        if (!f.loadedProperty().get()) {
            return "reading…";
        }
        if (f.wholeProperty().get() != null) {
            return consequence(f.file(), f.wholeProperty().get());
        }
        ConflictText t = f.textProperty().get();
        if (t == null) {
            return "choose mine, theirs or both";
        }
        if (t.disputes() == 0) {
            return "merges by itself";
        }
        return f.chosenParts() + " of " + t.disputes() + (t.disputes() == 1 ? " place" : " places") + " chosen";
    }

    /** What each whole-file choice means for this file, in the words the window shows beside it. */
    public static String consequence(ConflictFile file, Choice choice) {
        if (choice == null) {
            return "";
        }
        return switch (choice) {
            case MINE -> file.kind() == ConflictFile.Kind.DELETED_HERE ? "stays deleted" : "your version everywhere";
            case THEIRS -> file.kind() == ConflictFile.Kind.DELETED_THERE ? "deleted, as on the remote" : "the remote's version everywhere";
            case BOTH -> file.kind() == ConflictFile.Kind.DELETED_HERE ? "the remote's version comes back"
                    : "the remote's version in place, yours beside it as a copy";
        };
    }
}
