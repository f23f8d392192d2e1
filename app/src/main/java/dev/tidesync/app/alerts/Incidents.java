package dev.tidesync.app.alerts;

import dev.tidesync.app.status.RepoRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which alerts to raise from successive snapshots: each incident (this conflict on these
 * files, these held-back files, this reason syncing stopped) once, however many snapshots show
 * it; again only after it cleared. Not thread-safe: call from one thread.
 */
public final class Incidents {

    private Set<String> open = new HashSet<>();

    /** The alerts new in {@code rows}; {@code notifications} is desktop.notifications. */
    public List<Alert> update(List<RepoRow> rows, String notifications) {
        Set<String> now = new HashSet<>();
        List<Alert> fresh = new ArrayList<>();
        for (RepoRow row : rows) {
            for (Alert a : incidentsOf(row)) {
                now.add(a.key());
                if (!open.contains(a.key())) {
                    fresh.add(a);
                }
            }
        }
        open = now;
        return "off".equals(notifications) ? List.of() : fresh;
    }

    /** News, not an incident: a sync brought commits in. Only with notifications = all. */
    public static Optional<Alert> pulled(Path repository, String name, int commitsIn, String notifications) {
        if (commitsIn <= 0 || !"all".equals(notifications)) {
            return Optional.empty();
        }
        return Optional.of(new Alert("pulled:" + repository + ":" + System.nanoTime(), repository, name + " updated",
                commitsIn + (commitsIn == 1 ? " commit" : " commits") + " came in from the remote", Alert.Kind.PULLED, false));
    }

    private static List<Alert> incidentsOf(RepoRow row) {
        List<Alert> all = new ArrayList<>();
        if (!row.conflictPaths().isEmpty()) {
            all.add(new Alert("conflict:" + row.path() + ":" + row.conflictPaths(), row.path(), "Conflict in " + row.name(),
                    describe(row.conflictPaths()) + " changed here and on the remote. Your files are untouched; choose what to keep.",
                    Alert.Kind.CONFLICT, true));
        }
        if (row.heldBack() > 0) {
            all.add(new Alert("held:" + row.path() + ":" + row.heldBack(), row.path(), row.name() + ": "
                    + row.heldBack() + (row.heldBack() == 1 ? " file" : " files") + " held back",
                    dev.tidesync.app.status.StatusViewModel.heldBack(row) + ". Tidesync did not commit "
                            + (row.heldBack() == 1 ? "it" : "them") + "; the rest was synced.",
                    Alert.Kind.HELD_BACK, true));
        }
        row.attention().filter(a -> row.conflictPaths().isEmpty()).ifPresent(why -> all.add(new Alert("attention:" + row.path() + ":" + why,
                row.path(), row.name() + " needs attention", why + ". Automatic syncing waits until you fix it or sync by hand.",
                Alert.Kind.NEEDS_ATTENTION, true)));
        return all;
    }

    static String describe(List<String> paths) {
        return dev.tidesync.io.Phrases.firstAndMore(paths, 1);
    }
}
