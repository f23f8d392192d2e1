package dev.tidesync.app.status;

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

    public StatusViewModel(Clock clock) {
        this.clock = clock;
    }

    /** Replaces what is shown; call on the FX thread. */
    public void show(List<RepoRow> next, boolean globallyPaused) {
        if (!rows.equals(next)) {
            rows.setAll(next);
        }
        TrayState state = TrayState.of(next, globallyPaused);
        trayState.set(state);
        tooltip.set(TrayState.tooltip(state, next));
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

    /** The line under a repository's name: branch, ahead/behind, when it last synced. */
    public String detail(RepoRow row) {
        StringBuilder s = new StringBuilder(row.branch().isEmpty() ? "no branch" : row.branch());
        if (row.ahead() > 0) {
            s.append(" ↑").append(row.ahead());
        }
        if (row.behind() > 0) {
            s.append(" ↓").append(row.behind());
        }
        s.append(" · ").append(Ago.synced(row.lastSuccess(), clock.instant()));
        return s.toString();
    }
}
