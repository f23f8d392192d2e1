package dev.tidesync.app.conflict;

import dev.tidesync.git.resolve.Choice;
import dev.tidesync.git.resolve.ConflictFile;
import dev.tidesync.git.resolve.Conflicts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** The conflict dialog's state: one choice per file, none made for the user, and what resolving will do. */
public final class ConflictViewModel {

    private final String repositoryName;
    private final Conflicts conflicts;
    private final Map<String, ObjectProperty<Choice>> choices = new LinkedHashMap<>();
    private final BooleanBinding complete;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public ConflictViewModel(String repositoryName, Conflicts conflicts) {
        this.repositoryName = repositoryName;
        this.conflicts = conflicts;
        conflicts.files().forEach(f -> choices.put(f.path(), new SimpleObjectProperty<>()));
        ObjectProperty<?>[] all = choices.values().toArray(ObjectProperty[]::new);
        complete = Bindings.createBooleanBinding(() -> choices.values().stream().allMatch(p -> p.get() != null), all);
    }

    public String title() {
        return "Conflict in " + repositoryName;
    }

    public String explanation() {
        int n = conflicts.files().size();
        return (n == 1 ? "One file was" : n + " files were") + " changed both on this computer and on " + conflicts.remote()
                + ". Nothing has been overwritten. Choose what to keep for each; Tidesync then commits the result and syncs it.";
    }

    public List<ConflictFile> files() {
        return conflicts.files();
    }

    public Conflicts conflicts() {
        return conflicts;
    }

    public ObjectProperty<Choice> choice(String path) {
        return choices.get(path);
    }

    public void chooseAll(Choice choice) {
        choices.values().forEach(p -> p.set(choice));
    }

    /** Every file has a choice. */
    public BooleanBinding completeProperty() {
        return complete;
    }

    public Map<String, Choice> chosen() {
        Map<String, Choice> out = new LinkedHashMap<>();
        choices.forEach((path, p) -> {
            if (p.get() != null) {
                out.put(path, p.get());
            }
        });
        return out;
    }

    /** What the engine refused, shown under the list; empty when nothing is wrong. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void problem(String text) {
        problem.set(text);
    }

    /** What each choice means for this file, in the words the dialog shows beside it. */
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
