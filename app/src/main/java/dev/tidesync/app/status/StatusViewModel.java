package dev.tidesync.app.status;

import dev.tidesync.status.RepoStatus;
import dev.tidesync.io.Moments;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import java.time.Clock;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state every view shows: rows per repository and the one tray state. Updated on the FX
 * thread from snapshots; views only bind to it.
 */
public final class StatusViewModel {

    private final ObservableList<RepoRow> rows = FXCollections.observableArrayList();
    private final ObservableList<RepoRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<TrayState> trayState = new ReadOnlyObjectWrapper<>(TrayState.SYNCED);
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper("Tidesync");
    private final ReadOnlyStringWrapper channel = new ReadOnlyStringWrapper("");
    private final Clock clock;
    private Optional<String> costPause = Optional.empty();

    public StatusViewModel(Clock clock) {
        this.clock = clock;
    }

    /** Replaces what is shown; call on the FX thread. */
    public void show(List<RepoRow> next, boolean globallyPaused) {
        show(next, globallyPaused, Optional.empty());
    }

    /** As {@link #show(List, boolean)}, with why automatic syncing waits because syncing costs now, if it does. */
    public void show(List<RepoRow> next, boolean globallyPaused, Optional<String> costPause) {
        if (!rows.equals(next)) {
            rows.setAll(next);
        }
        TrayState state = TrayState.of(next, globallyPaused || costPause.isPresent());
        this.costPause = costPause;
        trayState.set(state);
        tooltip.set(TrayState.tooltip(state, next, costPause));
    }

    /** The tray menu's first line. */
    public String headline() {
        return trayState.get().summary(costPause);
    }

    /** Where the announcement channel stands, for the panel's header; call on the FX thread. */
    public void channel(dev.tidesync.announce.ChannelState state) {
        channel.set(switch (state) {
            case dev.tidesync.announce.ChannelState.Off off -> "";
            case dev.tidesync.announce.ChannelState.Connected c -> "Other machines' pushes arrive at once (" + c.broker() + ")";
            case dev.tidesync.announce.ChannelState.Connecting c -> "Connecting to " + c.broker() + "; polling meanwhile";
            case dev.tidesync.announce.ChannelState.Failed f -> "Announcements: " + f.sentence();
        });
    }

    /** Empty while announcements are off. */
    public ReadOnlyStringProperty channelProperty() {
        return channel.getReadOnlyProperty();
    }

    public ObservableList<RepoRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<TrayState> trayStateProperty() {
        return trayState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /**
     * The line under a repository's name: branch, ahead/behind, when it last synced and, when the
     * last attempt came later and did not go through, that attempt too.
     */
    public String detail(RepoRow row) {
        StringBuilder s = new StringBuilder(row.branch().isEmpty() ? "no branch" : row.branch());
        if (row.ahead() > 0) {
            s.append(" ↑").append(row.ahead());
        }
        if (row.behind() > 0) {
            s.append(" ↓").append(row.behind());
        }
        Instant now = clock.instant();
        java.time.ZoneId zone = clock.getZone();
        Optional<RepoStatus.LastSyncView> attempt = row.lastAttempt();
        if (row.lastSuccess().isPresent()) {
            s.append(" · last synced ").append(Moments.recent(row.lastSuccess().get(), zone, now, Locale.getDefault(Locale.Category.FORMAT)));
        } else {
            s.append(attempt.isPresent() ? " · not synced yet" : " · not synced yet by Tidesync");
        }
        attempt.filter(a -> !"ok".equals(a.result()) && !"skipped".equals(a.result()))
                .filter(a -> row.lastSuccess().map(ok -> a.time().isAfter(ok)).orElse(true))
                .ifPresent(a -> s.append(" · last try ").append(Moments.recent(a.time(), zone, now, Locale.getDefault(Locale.Category.FORMAT))).append(": ").append(a.result()));
        return s.toString();
    }

    /**
     * The row's message. A conflict's is said for the app (its sentence from the engine names the
     * command line's way out); every other state's is the engine's own.
     */
    public static String message(RepoRow row) {
        if (!row.conflictPaths().isEmpty()) {
            return dev.tidesync.io.Phrases.firstAndMore(row.conflictPaths(), 2) + (row.conflictPaths().size() == 1 ? " was" : " were")
                    + " changed here and on the remote. Your files are untouched and nothing was pushed; Resolve… shows both sides.";
        }
        return row.message();
    }

    /** "Held back: .env (looks like a secret), big.iso (over 50 MB)", or empty. */
    public static String heldBack(RepoRow row) {
        return row.heldBackFiles().isEmpty() ? "" : "Held back: " + dev.tidesync.io.Phrases.firstAndMore(row.heldBackFiles().stream()
                .map(h -> h.path() + " (" + h.reason() + ")").toList(), 3);
    }
}
