package dev.tidesync.app.history;

import dev.tidesync.journal.HistoryRecord;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which change-log records to show: by repository, trigger and result, and a search over
 * message, files, commit ids and error. Empty parts match everything.
 */
public record HistoryFilter(Optional<String> repository, Optional<String> trigger, Optional<String> result, String search) {

    public static final HistoryFilter ALL = new HistoryFilter(Optional.empty(), Optional.empty(), Optional.empty(), "");

    public Predicate<HistoryRecord> predicate() {
        String needle = search.strip().toLowerCase(Locale.ROOT);
        return r -> repository.map(x -> x.equals(r.name())).orElse(true)
                && trigger.map(x -> r.trigger() != null && x.equals(r.trigger().id())).orElse(true)
                && result.map(x -> r.result() != null && x.equals(r.result().id())).orElse(true)
                && (needle.isEmpty() || matches(r, needle));
    }

    private static boolean matches(HistoryRecord r, String needle) {
        if (contains(r.message(), needle) || contains(r.name(), needle) || contains(r.error(), needle)
                || (r.commit() != null && r.commit().startsWith(needle))) {
            return true;
        }
        for (String f : r.files()) {
            if (contains(f, needle)) {
                return true;
            }
        }
        for (String f : r.conflictPaths()) {
            if (contains(f, needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
