package dev.tidesync.app.history;

import dev.tidesync.journal.HistoryRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The change log as the viewer shows it: every record, newest first, through one filter. Records
 * arrive in bulk at load and one by one as syncs finish; both on the FX thread.
 */
public final class HistoryViewModel {

    private final ObservableList<HistoryRecord> all = FXCollections.observableArrayList();
    private final FilteredList<HistoryRecord> shown = new FilteredList<>(all);
    private final ObjectProperty<HistoryFilter> filter = new SimpleObjectProperty<>(HistoryFilter.ALL);
    private final ObservableList<String> repositories = FXCollections.observableArrayList();

    public HistoryViewModel() {
        filter.subscribe(f -> shown.setPredicate(f.predicate()));
    }

    /** Replaces everything with {@code oldestFirst} (as read from history.jsonl). */
    public void load(List<HistoryRecord> oldestFirst) {
        all.setAll(oldestFirst.reversed());
        TreeSet<String> names = new TreeSet<>(Comparator.comparing(String::toLowerCase));
        oldestFirst.forEach(r -> {
            if (r.name() != null) {
                names.add(r.name());
            }
        });
        repositories.setAll(names);
    }

    /** A sync just finished. */
    public void add(HistoryRecord record) {
        all.addFirst(record);
        if (record.name() != null && !repositories.contains(record.name())) {
            repositories.add(record.name());
            FXCollections.sort(repositories, Comparator.comparing(String::toLowerCase));
        }
    }

    public ObservableList<HistoryRecord> shown() {
        return shown;
    }

    public ObservableList<HistoryRecord> all() {
        return all;
    }

    public ObservableList<String> repositories() {
        return repositories;
    }

    public ObjectProperty<HistoryFilter> filterProperty() {
        return filter;
    }

    public void repository(Optional<String> name) {
        HistoryFilter f = filter.get();
        filter.set(new HistoryFilter(name, f.trigger(), f.result(), f.search()));
    }

    /** The details pane: everything about one sync, as text that can be copied. */
    public static String details(HistoryRecord r) {
        StringBuilder s = new StringBuilder();
        s.append(r.name()).append(" · ").append(r.time()).append(" · ").append(r.host()).append('\n');
        s.append(r.action() == null ? "" : r.action().id()).append(" (").append(r.trigger() == null ? "" : r.trigger().id())
                .append("), ").append(r.result() == null ? "" : r.result().id()).append(", ").append(r.durationMs()).append(" ms\n\n");
        s.append(r.message()).append('\n');
        if (r.error() != null && !r.error().equals(r.message())) {
            s.append("\nError: ").append(r.error()).append('\n');
        }
        if (r.commit() != null) {
            s.append("\nCommit: ").append(r.commit()).append('\n');
        }
        if (r.headBefore() != null || r.headAfter() != null) {
            s.append("Branch: ").append(shortId(r.headBefore())).append(" → ").append(shortId(r.headAfter())).append('\n');
        }
        if (r.backupRef() != null) {
            s.append("Backup: ").append(r.backupRef()).append('\n');
        }
        s.append("Commits: ").append(r.commitsIn()).append(" in, ").append(r.commitsOut()).append(" out\n");
        if (!r.files().isEmpty()) {
            s.append("\nFiles committed:\n");
            r.files().forEach(f -> s.append("  ").append(f).append('\n'));
        }
        if (!r.conflictPaths().isEmpty()) {
            s.append("\nConflicting files:\n");
            r.conflictPaths().forEach(f -> s.append("  ").append(f).append('\n'));
        }
        if (!r.heldBack().isEmpty()) {
            s.append("\nHeld back:\n");
            r.heldBack().forEach(h -> s.append("  ").append(h.path()).append(" (").append(h.reason()).append(")\n"));
        }
        r.notes().forEach(n -> s.append("\n").append(n));
        return s.toString().stripTrailing();
    }

    static String shortId(String id) {
        return id == null ? "none" : id.substring(0, Math.min(8, id.length()));
    }
}
